import { defineAnalyzer } from './define-analyzer.js';

/** kube-scheduler: failed attempts, attempt latency, pending pods. */
export default defineAnalyzer({
  id: 'scheduler',
  area: 'scheduler',
  summary: 'Scheduling attempts by result, scheduling latency p99, pending pods.',
  queries: {
    unschedulable: 'scheduler-unschedulable-ratio',
    latency: 'scheduler-latency-p99',
    pending: 'scheduler-pending-pods',
  },
});
