/** Control-loop series of the diagnose scenarios: kube-scheduler, kube-controller-manager work queues, kubelet. */
import type { MetricFamily, TimeRange } from '../support/prometheus.js';
import { counter, cp, gauge, hist, node, SCHED_BUCKETS, tail } from './diagnose-series.js';

export function* controlLoops(r: TimeRange): Generator<MetricFamily> {
  const sched = { job: 'scheduler', instance: `${cp(0)}:10259`, profile: 'default-scheduler' };
  yield {
    name: 'scheduler_schedule_attempts_total',
    type: 'counter',
    series: [
      counter('scheduler_schedule_attempts_total', { ...sched, result: 'scheduled' }, r, 5),
      counter('scheduler_schedule_attempts_total', { ...sched, result: 'unschedulable' }, r, 0.01),
    ],
  };
  yield {
    name: 'scheduler_scheduling_attempt_duration_seconds',
    type: 'histogram',
    series: hist(
      'scheduler_scheduling_attempt_duration_seconds',
      { ...sched, result: 'scheduled' },
      SCHED_BUCKETS,
      r,
      5,
      tail(0.002, 0.016),
    ),
  };
  yield {
    name: 'scheduler_pending_pods',
    type: 'gauge',
    series: ['active', 'backoff', 'unschedulable', 'gated'].map((q) =>
      gauge('scheduler_pending_pods', { ...sched, queue: q }, r, q === 'unschedulable' ? 1 : 0),
    ),
  };
  const kcm = { job: 'kube-controller-manager', instance: `${cp(0)}:10257` };
  const queues = ['deployment', 'replicaset', 'endpoint_slice', 'garbagecollector_graph_changes'];
  yield {
    name: 'workqueue_depth',
    type: 'gauge',
    series: queues.map((q) => gauge('workqueue_depth', { ...kcm, name: q }, r, 2)),
  };
  yield {
    name: 'workqueue_queue_duration_seconds',
    type: 'histogram',
    series: queues.flatMap((q) =>
      hist(
        'workqueue_queue_duration_seconds',
        { ...kcm, name: q },
        [1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 0.001, 0.01, 0.1, 1, 10],
        r,
        3,
        tail(1e-5, 0.01),
      ),
    ),
  };
  const kubelet = { job: 'kubelet', instance: `${node(0)}:10250` };
  yield {
    name: 'kubelet_pod_start_sli_duration_seconds',
    type: 'histogram',
    series: hist(
      'kubelet_pod_start_sli_duration_seconds',
      kubelet,
      [0.5, 1, 2, 3, 4, 5, 6, 8, 10, 20, 30, 45, 60, 120, 180, 240, 300, 360, 480, 600, 900, 1200, 1800, 2700, 3600],
      r,
      0.2,
      tail(1, 3),
    ),
  };
  yield {
    name: 'kubelet_pleg_relist_duration_seconds',
    type: 'histogram',
    series: hist(
      'kubelet_pleg_relist_duration_seconds',
      kubelet,
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      r,
      1,
      tail(0.01, 0.05),
    ),
  };
}
