import { defineRule } from '../../engine/define-rule.js';
import { recommendRuntimeSettings } from '../../model/runtime-recommend.js';
import { containerRuntimes, percent, size } from './runtime-containers.js';

export default defineRule({
  id: 'gomemlimit-vs-memory-limit',
  area: 'runtime',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'Go containers with a memory limit set GOMEMLIMIT to about 90% of it.',
  rationale:
    'Without GOMEMLIMIT the Go GC only looks at GOGC: the heap may double before a collection and the kernel OOM-kills the container although most of that memory was garbage. GOMEMLIMIT (Go 1.19+) makes the GC work harder as the heap nears the limit. Set at or above the container limit it never triggers; the guide uses ~90% to leave room for stacks and non-heap memory. The rule looks at containers that set a Go runtime variable (GOMAXPROCS, GOGC, GOMEMLIMIT). The fix sets or adds GOMEMLIMIT at 90% of the limit.',
  messages: {
    missing:
      '{container}: Go runtime without GOMEMLIMIT under a memory limit of {limit}; set GOMEMLIMIT={recommended}.',
    exceedsLimit:
      '{container}: GOMEMLIMIT={value} is {share}% of the memory limit {limit}: the GC never acts before the OOM kill.',
    tooHigh: '{container}: GOMEMLIMIT={value} is {share}% of the memory limit {limit} (max {max}%).',
  },
  *check(workload, { thresholds }) {
    for (const { container: c, runtime: r } of containerRuntimes(workload)) {
      const limit = c.memory.limit;
      if (!r.go || limit === undefined || limit <= 0) continue;
      const rec = recommendRuntimeSettings(r, { memoryLimit: limit }, thresholds).find(
        (x) => x.setting === 'GOMEMLIMIT',
      );
      const s = r.go.gomemlimit;
      if (!s) {
        if (rec)
          yield {
            messageId: 'missing',
            path: [...c.path, 'env'],
            data: { container: c.name, limit: size(limit), recommended: rec.recommended },
            fix: rec.edits,
          };
        continue;
      }
      if (s.value === 'off') continue;
      const share = s.value / limit;
      const data = { container: c.name, value: s.raw, share: percent(share), limit: size(limit) };
      const fix = rec?.edits;
      if (share >= 1) yield { messageId: 'exceedsLimit', path: s.site.path, data, ...(fix ? { fix } : {}) };
      else if (share > thresholds.goMemLimitShareMax)
        yield {
          messageId: 'tooHigh',
          path: s.site.path,
          data: { ...data, max: percent(thresholds.goMemLimitShareMax) },
          ...(fix ? { fix } : {}),
        };
    }
  },
});
