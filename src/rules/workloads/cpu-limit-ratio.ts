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
    'A CPU limit far above the request lets a container burst into CPU the scheduler promised to others, so latency depends on neighbours; one barely above it throttles the container (CFS quota) on every short burst. The guide keeps limits at 1.5-2x the request; exactly 1x (Guaranteed) is a deliberate choice for core services and is not flagged. When a ratio above the maximum is the right trade-off: bursty CPU, where the p95 is small and short spikes are far above it (fault injections, retries, cache refills). A limit that absorbs the spikes is then far above a p95 request, and keeping the ratio would mean raising the request to limit / max — reserving the spike all month. The cheaper safe option is the request at p95 and no CPU limit (the request still guarantees the p95 share; spikes use idle CPU, current practice for latency-sensitive services: https://home.robusta.dev/blog/stop-using-cpu-limits). That is what `kubetune rightsize` recommends for such containers, reporting both options with their cost (and, with --backtest, their replayed throttling); a container without a CPU limit is not judged by this rule. Where a limit is required, keep the high ratio and exempt the workload (`kubetune.io/ignore: cpu-limit-ratio`) rather than inflating the request.',
  messages: {
    tooHigh: '{container}: cpu limit is {ratio}x the request (max {max}x).',
    tooLow: '{container}: cpu limit is only {ratio}x the request (min {min}x): no headroom for bursts.',
    belowRequest: '{container}: cpu limit is below the request ({ratio}x); the API server rejects this.',
  },
  check: (workload, { thresholds }) => ratioViolations(workload, 'cpu', thresholds.cpuLimitToRequest),
});
