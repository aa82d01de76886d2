import { PERCENT } from '../../core/numbers.js';
import { FIXED_DEFAULTS } from '../../knowledge/thresholds/component-defaults.js';
import { defineRule } from '../../engine/define-rule.js';
import { appendEnvToken, recommendRuntimeSettings } from '../../model/runtime-recommend.js';
import type { RuntimeSettings } from '../../model/runtime-settings.js';
import type { ContainerView } from '../../model/workload.js';
import { containerRuntimes, percent, size } from './runtime-containers.js';

const DEFAULT_HEAP_SHARE = FIXED_DEFAULTS.jvmDefaultHeapShare;

/** No -Xmx and no MaxRAMPercentage: HotSpot takes 25%; the fix adds MaxRAMPercentage to JAVA_TOOL_OPTIONS. */
function defaultHeap(c: ContainerView, r: RuntimeSettings, limit: number, heapShare: number) {
  const env = c.env.findIndex((e) => e.name === 'JAVA_TOOL_OPTIONS' && e.value !== undefined);
  const token = `-XX:MaxRAMPercentage=${(heapShare * PERCENT).toFixed(1)}`;
  const current = env >= 0 ? { name: 'JAVA_TOOL_OPTIONS', index: env, value: c.env[env]!.value! } : undefined;
  return {
    messageId: 'defaultHeap' as const,
    path: [...c.path, 'resources', 'limits', 'memory'],
    data: { container: c.name, limit: size(limit), heap: size(limit * DEFAULT_HEAP_SHARE) },
    fix: [appendEnvToken(r, current, 'JAVA_TOOL_OPTIONS', token)],
  };
}

export default defineRule({
  id: 'jvm-heap-vs-memory-limit',
  area: 'runtime',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'The JVM heap is about 75% of the container memory limit.',
  rationale:
    'The heap is only part of a JVM: metaspace, code cache, thread stacks, GC structures and direct buffers live outside it. A heap at or above the memory limit gets the container OOM-killed by the kernel instead of throwing a diagnosable OutOfMemoryError; one close to it leaves no room for the rest. Without any heap setting HotSpot takes only 25% of the limit and wastes the other 75%. An initial heap (-Xms) above the maximum stops the JVM at start. The guide sizes the heap at ~75% of the limit, preferably with -XX:MaxRAMPercentage=75 so it follows the limit when the limit changes. The fix rewrites -Xmx or MaxRAMPercentage to 75% (or adds MaxRAMPercentage to JAVA_TOOL_OPTIONS).',
  messages: {
    exceedsLimit:
      '{container}: JVM heap {heap} ({setting}) is {share}% of the memory limit {limit}: the kernel OOM-kills the container before the heap fills.',
    tooHigh:
      '{container}: JVM heap {heap} ({setting}) is {share}% of the memory limit {limit} (max {max}%): off-heap memory has too little room.',
    tooLow:
      '{container}: JVM heap {heap} ({setting}) is only {share}% of the memory limit {limit} (min {min}%): the rest of the limit is wasted.',
    initialAboveMax:
      '{container}: initial heap {initial} ({setting}) is above the maximum heap {heap}: the JVM refuses to start.',
    defaultHeap:
      '{container}: no heap setting, so the JVM takes the default 25% of the memory limit {limit} ({heap}); set -XX:MaxRAMPercentage=75.',
  },
  *check(workload, { thresholds }) {
    for (const { container: c, runtime: r } of containerRuntimes(workload)) {
      const jvm = r.jvm;
      const limit = c.memory.limit;
      if (!jvm || limit === undefined || limit <= 0) continue;
      const recs = recommendRuntimeSettings(r, { memoryLimit: limit }, thresholds).filter(
        (x) => x.setting === '-Xmx' || x.setting === '-XX:MaxRAMPercentage',
      );
      const setting = jvm.maxHeap ?? jvm.maxRamPercentage;
      if (!setting) {
        yield defaultHeap(c, r, limit, thresholds.jvmHeapShare);
        continue;
      }
      const heap = jvm.maxHeap ? jvm.maxHeap.value : (jvm.maxRamPercentage!.value / PERCENT) * limit;
      if (jvm.initialHeap && jvm.initialHeap.value > heap) {
        const data = {
          container: c.name,
          initial: size(jvm.initialHeap.value),
          setting: jvm.initialHeap.raw,
          heap: size(heap),
        };
        yield { messageId: 'initialAboveMax', path: jvm.initialHeap.site.path, data };
      }
      const share = heap / limit;
      const data = {
        container: c.name,
        heap: size(heap),
        setting: setting.raw,
        share: percent(share),
        limit: size(limit),
      };
      const fix = recs[0]?.edits;
      const path = setting.site.path;
      if (share >= 1) yield { messageId: 'exceedsLimit', path, data, ...(fix ? { fix } : {}) };
      else if (share > thresholds.jvmHeapShareRange.max)
        yield {
          messageId: 'tooHigh',
          path,
          data: { ...data, max: percent(thresholds.jvmHeapShareRange.max) },
          ...(fix ? { fix } : {}),
        };
      else if (share < thresholds.jvmHeapShareRange.min)
        yield {
          messageId: 'tooLow',
          path,
          data: { ...data, min: percent(thresholds.jvmHeapShareRange.min) },
          ...(fix ? { fix } : {}),
        };
    }
  },
});
