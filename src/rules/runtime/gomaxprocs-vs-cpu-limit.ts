import { defineRule } from '../../engine/define-rule.js';
import { formatCpu } from '../../core/units.js';
import { cpuCount, replaceToken } from '../../model/runtime-recommend.js';
import { containerRuntimes } from './runtime-containers.js';

export default defineRule({
  id: 'gomaxprocs-vs-cpu-limit',
  area: 'runtime',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'GOMAXPROCS does not exceed the container CPU limit.',
  rationale:
    'GOMAXPROCS is how many OS threads run Go code at once. Above the CPU limit, the Go scheduler and GC run more threads than the CFS quota allows: the container burns its quota early in each 100 ms period and is throttled for the rest, which shows up as tail latency. The guide matches GOMAXPROCS to the CPU limit (rounded up). The fix lowers it to that.',
  messages: {
    aboveLimit: '{container}: GOMAXPROCS={value} but the CPU limit is {limit} ({cores} usable).',
  },
  *check(workload) {
    for (const { container: c, runtime: r } of containerRuntimes(workload)) {
      const s = r.go?.gomaxprocs;
      const limit = c.cpu.limit;
      if (!s || limit === undefined || limit <= 0) continue;
      const cores = cpuCount(limit);
      if (s.value <= cores) continue;
      yield {
        messageId: 'aboveLimit',
        path: s.site.path,
        data: { container: c.name, value: s.value, limit: formatCpu(limit), cores },
        fix: [replaceToken(s, String(cores))],
      };
    }
  },
});
