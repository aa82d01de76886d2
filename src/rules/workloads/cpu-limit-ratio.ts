import { defineRule } from '../../engine/define-rule.js';
import { ratioViolations } from './container-resources.js';

export default defineRule({
  id: 'cpu-limit-ratio',
  area: 'workloads',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'The cpu limit stays within the profile ratio of the request.',
  rationale:
    'A CPU limit far above the request lets a container burst into CPU the scheduler promised to others, so latency depends on neighbours; one barely above it throttles the container (CFS quota) on every short burst. The guide keeps limits at 1.5-2x the request; exactly 1x (Guaranteed) is a deliberate choice for core services and is not flagged.',
  messages: {
    tooHigh: '{container}: cpu limit is {ratio}x the request (max {max}x).',
    tooLow: '{container}: cpu limit is only {ratio}x the request (min {min}x): no headroom for bursts.',
    belowRequest: '{container}: cpu limit is below the request ({ratio}x); the API server rejects this.',
  },
  check: (workload, { thresholds }) => ratioViolations(workload, 'cpu', thresholds.cpuLimitToRequest),
});
