import { defineRule } from '../../engine/define-rule.js';
import { formatCpu } from '../../core/units.js';
import { cpuCount, editTokens } from '../../model/runtime-recommend.js';
import { containerRuntimes } from './runtime-containers.js';

const SETTINGS = [
  ['activeProcessorCount', 'ActiveProcessorCount'],
  ['parallelGcThreads', 'ParallelGCThreads'],
  ['concGcThreads', 'ConcGCThreads'],
] as const;

export default defineRule({
  id: 'jvm-cpu-count-vs-limit',
  area: 'runtime',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'JVM processor and GC thread counts do not exceed the container CPU limit.',
  rationale:
    'The JVM sizes its GC worker threads, JIT compiler threads and ForkJoin common pool from the processor count. -XX:ActiveProcessorCount, -XX:ParallelGCThreads or -XX:ConcGCThreads above the CPU limit make those threads compete for a CFS quota they cannot use: stop-the-world pauses get longer and the container is throttled. The guide sets ActiveProcessorCount to the CPU limit (rounded up). The fix lowers the count to that.',
  messages: {
    aboveLimit:
      '{container}: {setting} gives the JVM {count} processors but the CPU limit is {limit} ({cores} usable).',
  },
  *check(workload) {
    for (const { container: c, runtime: r } of containerRuntimes(workload)) {
      const limit = c.cpu.limit;
      if (!r.jvm || limit === undefined || limit <= 0) continue;
      const cores = cpuCount(limit);
      const jvm = r.jvm;
      const over = SETTINGS.flatMap(([key, name]) => {
        const s = jvm[key];
        return s && s.value > cores ? [{ s, name }] : [];
      });
      // One fix for the container: several options may share one JAVA_TOOL_OPTIONS string.
      const fix = editTokens(over.map(({ s, name }) => ({ site: s.site, token: `-XX:${name}=${cores}` })));
      for (const [i, { s }] of over.entries()) {
        yield {
          messageId: 'aboveLimit',
          path: s.site.path,
          data: { container: c.name, setting: s.raw, count: s.value, limit: formatCpu(limit), cores },
          ...(i === 0 ? { fix } : {}),
        };
      }
    }
  },
});
