import { defineRule } from '../../engine/define-rule.js';
import { recommendRuntimeSettings } from '../../model/runtime-recommend.js';
import { containerRuntimes, percent, size } from './runtime-containers.js';

export default defineRule({
  id: 'node-heap-vs-memory-limit',
  area: 'runtime',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'Node.js --max-old-space-size stays below the container memory limit.',
  rationale:
    'V8 only collects the old generation hard when it nears --max-old-space-size. Set at or above the memory limit, the process is OOM-killed by the kernel before V8 ever tries, and buffers, the new space and native memory come on top of the old space. Keep it around 75% of the limit. The fix rewrites the flag in NODE_OPTIONS or the command line.',
  messages: {
    exceedsLimit:
      '{container}: {setting} is {share}% of the memory limit {limit}: the kernel OOM-kills Node before V8 collects.',
    tooHigh:
      '{container}: {setting} is {share}% of the memory limit {limit} (max {max}%): no room for buffers and native memory.',
  },
  *check(workload, { thresholds }) {
    for (const { container: c, runtime: r } of containerRuntimes(workload)) {
      const s = r.node?.maxOldSpace;
      const limit = c.memory.limit;
      if (!s || limit === undefined || limit <= 0) continue;
      const share = s.value / limit;
      const fix = recommendRuntimeSettings(r, { memoryLimit: limit }, thresholds).find(
        (x) => x.setting === '--max-old-space-size',
      )?.edits;
      const data = {
        container: c.name,
        setting: `${s.raw} (${size(s.value)})`,
        share: percent(share),
        limit: size(limit),
      };
      if (share >= 1) yield { messageId: 'exceedsLimit', path: s.site.path, data, ...(fix ? { fix } : {}) };
      else if (share > thresholds.nodeHeapShareMax)
        yield {
          messageId: 'tooHigh',
          path: s.site.path,
          data: { ...data, max: percent(thresholds.nodeHeapShareMax) },
          ...(fix ? { fix } : {}),
        };
    }
  },
});
