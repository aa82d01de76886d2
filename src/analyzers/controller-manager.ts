import { defineAnalyzer } from './define-analyzer.js';

/** kube-controller-manager (and any client-go component): work queue depth and wait. */
export default defineAnalyzer({
  id: 'controller-manager',
  area: 'control-plane',
  summary: 'Controller work queue depth and queue wait p99.',
  queries: { depth: 'workqueue-depth', latency: 'workqueue-latency-p99' },
});
