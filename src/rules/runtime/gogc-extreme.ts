import { PERCENT } from '../../core/numbers.js';
import { defineRule } from '../../engine/define-rule.js';
import { containerRuntimes } from './runtime-containers.js';

export default defineRule({
  id: 'gogc-extreme',
  area: 'runtime',
  target: 'workload',
  defaultSeverity: 'warning',
  summary: 'GOGC stays in a sane range, and GOGC=off comes with GOMEMLIMIT.',
  rationale:
    'GOGC sets how much the heap may grow over the live heap before the next GC (100 = double). GOGC=off without a GOMEMLIMIT disables collection entirely: memory only grows until the OOM kill. Very high values without a memory limit do nearly the same; very low values (< 25) make the GC run constantly and burn the CPU quota. The guide lowers GOGC only to trade CPU for memory, with GOMEMLIMIT as the safety net.',
  messages: {
    offWithoutLimit:
      '{container}: GOGC=off without GOMEMLIMIT: the garbage collector never runs and memory grows until the OOM kill.',
    tooHighWithoutLimit:
      '{container}: GOGC={value} without GOMEMLIMIT lets the heap grow to {factor}x the live heap before a collection.',
    tooLow: '{container}: GOGC={value} collects after only {value}% heap growth: the GC will dominate CPU (min {min}).',
  },
  *check(workload, { thresholds }) {
    const { min: GOGC_LOW, max: GOGC_HIGH } = thresholds.gogcRange;
    for (const { container: c, runtime: r } of containerRuntimes(workload)) {
      const gogc = r.go?.gogc;
      if (!gogc) continue;
      const limited = r.go?.gomemlimit !== undefined && r.go.gomemlimit.value !== 'off';
      const path = gogc.site.path;
      if (gogc.value === 'off') {
        if (!limited) yield { messageId: 'offWithoutLimit', path, data: { container: c.name } };
      } else if (gogc.value > GOGC_HIGH && !limited) {
        yield {
          messageId: 'tooHighWithoutLimit',
          path,
          data: { container: c.name, value: gogc.value, factor: 1 + gogc.value / PERCENT },
        };
      } else if (gogc.value < GOGC_LOW) {
        yield { messageId: 'tooLow', path, data: { container: c.name, value: gogc.value, min: GOGC_LOW } };
      }
    }
  },
});
