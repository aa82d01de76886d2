import { PERCENT } from '../../core/numbers.js';
import { defineRule } from '../../engine/define-rule.js';
import { containerRuntimes, percent, size } from './runtime-containers.js';

export default defineRule({
  id: 'dotnet-heap-limit-vs-memory-limit',
  area: 'runtime',
  target: 'workload',
  defaultSeverity: 'warning',
  summary: '.NET GC heap hard limits stay below the container memory limit.',
  rationale:
    'In a container the .NET GC defaults its heap hard limit to 75% of the memory limit. DOTNET_GCHeapHardLimit (or DOTNET_GCHeapHardLimitPercent) overrides that; set at or above the limit, the GC keeps allocating until the kernel OOM-kills the process instead of throwing OutOfMemoryException. Note that these environment variables are hexadecimal: DOTNET_GCHeapHardLimit=200000000 is 8 GiB, not 200 MB — a common cause of this finding.',
  messages: {
    exceedsLimit: '{container}: {variable}={raw} (hexadecimal: {heap}) is {share}% of the memory limit {limit}.',
    percentTooHigh:
      '{container}: {variable}={raw} (hexadecimal: {value}%) leaves the GC no headroom below the memory limit {limit}.',
  },
  *check(workload) {
    for (const { container: c, runtime: r } of containerRuntimes(workload)) {
      const d = r.dotnet;
      const limit = c.memory.limit;
      if (!d || limit === undefined || limit <= 0) continue;
      const hard = d.heapHardLimit;
      if (hard && hard.value >= limit) {
        yield {
          messageId: 'exceedsLimit',
          path: hard.site.path,
          data: {
            container: c.name,
            variable: hard.site.origin,
            raw: hard.raw,
            heap: size(hard.value),
            share: percent(hard.value / limit),
            limit: size(limit),
          },
        };
      }
      const pct = d.heapHardLimitPercent;
      if (!hard && pct && pct.value >= PERCENT) {
        yield {
          messageId: 'percentTooHigh',
          path: pct.site.path,
          data: { container: c.name, variable: pct.site.origin, raw: pct.raw, value: pct.value, limit: size(limit) },
        };
      }
    }
  },
});
