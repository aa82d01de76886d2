import { defineRule } from '../../engine/define-rule.js';
import { formatCpu } from '../../core/units.js';
import { cpuCount, recommendRuntimeSettings } from '../../model/runtime-recommend.js';
import { containerRuntimes } from './runtime-containers.js';

export default defineRule({
  id: 'python-workers-vs-cpu-limit',
  area: 'runtime',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'gunicorn/uvicorn worker counts match the container CPU limit.',
  rationale:
    'Each gunicorn/uvicorn worker is a full Python process with its own memory. More workers than the CPU limit can run only add memory and context switches, and the container is throttled under load; counts copied from a VM (often 2 × host cores + 1) are the usual cause. gunicorn documents 2 × cores + 1 sync workers as the upper guide; async uvicorn workers need one per core. The fix sets workers to that for the CPU limit.',
  messages: {
    tooMany: '{container}: {server} runs {workers} workers on a CPU limit of {limit} ({cores} cores; at most {max}).',
  },
  *check(workload, { thresholds }) {
    for (const { container: c, runtime: r } of containerRuntimes(workload)) {
      const p = r.python;
      const limit = c.cpu.limit;
      if (!p || limit === undefined || limit <= 0) continue;
      const cores = cpuCount(limit);
      const max = thresholds.gunicornWorkersPerCore * cores + 1;
      if (p.workers.value <= max) continue;
      const fix = recommendRuntimeSettings(r, { cpuLimit: limit }, thresholds).find(
        (x) => x.setting === 'workers',
      )?.edits;
      yield {
        messageId: 'tooMany',
        path: p.workers.site.path,
        data: { container: c.name, server: p.server, workers: p.workers.value, limit: formatCpu(limit), cores, max },
        ...(fix ? { fix } : {}),
      };
    }
  },
});
