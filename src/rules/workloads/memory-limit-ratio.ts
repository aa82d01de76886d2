import { defineRule } from '../../engine/define-rule.js';
import { ceilingViolations } from './container-resources.js';

export default defineRule({
  id: 'memory-limit-ratio',
  area: 'workloads',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'The memory limit is not more than the profile ratio above the request.',
  rationale:
    'A memory limit far above the request overcommits the node: the scheduler places pods by their requests, so when several pods grow towards their limits at once the node runs out of memory and the kubelet evicts, or the kernel OOM-kills, pods that stayed within their own requests (Kubernetes docs: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/ and https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/). The profile caps the ratio (guide: 2x, strict: 1.5x). There is deliberately no minimum: unlike CPU, memory cannot be throttled, so headroom above the request is borrowed from neighbours, and a limit close to or equal to its request is the safest setting and common practice — the container that outgrows its request is the one OOM-killed, not a neighbour (Robusta, "Kubernetes memory limits": https://home.robusta.dev/blog/kubernetes-memory-limit; KRR\'s `simple` strategy sets memory limit = request). `kubetune rightsize` sizes the limit from the observed peak × a margin and the request from the steady state, within this cap.',
  messages: {
    tooHigh: '{container}: memory limit is {ratio}x the request (max {max}x).',
    belowRequest: '{container}: memory limit is below the request ({ratio}x); the API server rejects this.',
  },
  check: (workload, { thresholds }) => ceilingViolations(workload, 'memory', thresholds.memoryLimitToRequest),
});
