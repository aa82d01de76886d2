import { defineRule } from '../../engine/define-rule.js';
import { removeTokens } from '../../model/runtime-recommend.js';
import { containerRuntimes } from './runtime-containers.js';

export default defineRule({
  id: 'jvm-xmx-overrides-ram-percentage',
  area: 'runtime',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'A JVM gets either -Xmx or -XX:MaxRAMPercentage, not both.',
  rationale:
    'When -Xmx (or -XX:MaxHeapSize) is set, HotSpot ignores -XX:MaxRAMPercentage: the heap stays fixed while readers of the manifest believe it follows the memory limit. After the next rightsizing the two disagree silently. The fix removes the ignored percentage, which changes nothing at run time; prefer then replacing -Xmx by the percentage yourself.',
  messages: {
    both: '{container}: {xmx} overrides {percentage}: the percentage is ignored and the heap does not follow the memory limit.',
  },
  *check(workload) {
    for (const { container: c, runtime: r } of containerRuntimes(workload)) {
      const heap = r.jvm?.maxHeap;
      const pct = r.jvm?.options.filter((o) => o.name === 'MaxRAMPercentage');
      if (!heap || !pct?.length) continue;
      yield {
        messageId: 'both',
        path: pct[pct.length - 1]!.site.path,
        data: { container: c.name, xmx: heap.raw, percentage: pct[pct.length - 1]!.raw },
        fix: removeTokens(pct.map((o) => o.site)),
      };
    }
  },
});
