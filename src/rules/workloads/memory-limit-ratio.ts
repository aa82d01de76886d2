import { defineRule } from '../../engine/define-rule.js';
import { ratioViolations } from './container-resources.js';

export default defineRule({
  id: 'memory-limit-ratio',
  area: 'workloads',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'The memory limit stays within the profile ratio of the request.',
  rationale:
    'A memory limit far above the request overcommits the node: when several pods grow towards their limits at once the node runs out of memory and the kubelet evicts or the kernel OOM-kills. One barely above the request leaves no headroom for spikes. The guide keeps limits at 1.5-2x the request; exactly 1x (Guaranteed) is deliberate and not flagged.',
  messages: {
    tooHigh: '{container}: memory limit is {ratio}x the request (max {max}x).',
    tooLow: '{container}: memory limit is only {ratio}x the request (min {min}x): no headroom for bursts.',
    belowRequest: '{container}: memory limit is below the request ({ratio}x); the API server rejects this.',
  },
  check: (workload, { thresholds }) => ratioViolations(workload, 'memory', thresholds.memoryLimitToRequest),
});
