import { MILLICORES_PER_CORE, roundTo } from '../../core/numbers.js';
import { formatBytes, formatCpu, tryParseQuantity } from '../../core/units.js';
import { defineRule } from '../../engine/define-rule.js';
import { asArray, asRecord, isRecord } from '../../model/object.js';

export default defineRule({
  id: 'limitrange-ratio',
  area: 'namespaces',
  target: 'object',
  kinds: ['LimitRange'],
  defaultSeverity: 'warning',
  fixable: true,
  summary: "A LimitRange's default limit stays within the profile ratio of its default request.",
  rationale:
    'Every container created without resources in the namespace gets the LimitRange defaults. A default limit far above the default request overcommits nodes for every such pod at once; the guide keeps limit/request at 1.5-2x.',
  messages: {
    tooHigh: 'Container default {resource} limit is {ratio}x the default request (max {max}x).',
    tooLow: 'Container default {resource} limit is only {ratio}x the default request (min {min}x).',
  },
  *check(resource, { thresholds }) {
    const limits = asArray(asRecord(resource.object['spec'])['limits']);
    for (const [i, item] of limits.entries()) {
      if (!isRecord(item) || item['type'] !== 'Container') continue;
      for (const name of ['cpu', 'memory'] as const) {
        const def = tryParseQuantity(asRecord(item['default'])[name]);
        const req = tryParseQuantity(asRecord(item['defaultRequest'])[name]);
        if (def === undefined || req === undefined || req <= 0) continue;
        const ratio = roundTo(def / req, 6);
        // Memory has no minimum ratio (a limit close to the request is the safe setting).
        const min = name === 'cpu' ? thresholds.cpuLimitToRequest.min : undefined;
        const range = name === 'cpu' ? thresholds.cpuLimitToRequest : thresholds.memoryLimitToRequest;
        const path = ['spec', 'limits', i, 'default', name];
        const format = (v: number) => (name === 'cpu' ? formatCpu(v * MILLICORES_PER_CORE) : formatBytes(v));
        const data = {
          resource: name,
          ratio: roundTo(ratio, 2),
          max: range.max,
          ...(min !== undefined ? { min } : {}),
        };
        if (ratio > range.max)
          yield { messageId: 'tooHigh', path, data, fix: [{ op: 'replace', path, value: format(req * range.max) }] };
        else if (min !== undefined && ratio > 1 && ratio < min)
          yield { messageId: 'tooLow', path, data, fix: [{ op: 'replace', path, value: format(req * min) }] };
      }
    }
  },
});
