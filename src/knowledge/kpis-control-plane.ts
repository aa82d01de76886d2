/** Control-plane KPIs: etcd, kube-scheduler, kube-controller-manager (kube-apiserver: kpis-apiserver.ts). See kpis.ts. */
import { first, gauge, increase, quantile, rate, ratio } from '../model/metric-expr.js';
import { APISERVER_KPIS } from './kpis-apiserver.js';
import type { Kpi } from './kpis.js';

const GUIDE = 'https://github.com/kubetune/kubetune/blob/main/docs/diagnose.md#thresholds';
const ETCD_HW = 'https://etcd.io/docs/v3.5/op-guide/hardware/';
const ETCD_METRICS = 'https://etcd.io/docs/v3.5/metrics/';
const same = <T>(v: T) => ({ guide: v, strict: v, 'upstream-slo': v });

const etcdInstanceQuantile = (h: string) => quantile(0.99, h, ['instance']);
const ETCD: readonly Kpi[] = [
  {
    id: 'etcd-wal-fsync-p99',
    title: 'etcd WAL fsync p99',
    component: 'etcd',
    bottleneck: 'etcd',
    subject: 'node',
    unit: 'seconds',
    expr: etcdInstanceQuantile('etcd_disk_wal_fsync_duration_seconds'),
    levels: { guide: { P0: 0.1, P2: 0.01 }, strict: { P0: 0.1, P1: 0.01 }, 'upstream-slo': { P0: 0.1, P1: 0.01 } },
    metrics: ['etcd_disk_wal_fsync_duration_seconds'],
    source: ETCD_HW,
    remediation:
      'Put etcd on a dedicated SSD/NVMe (fsync p99 < 10 ms), away from noisy neighbours; check disk await on the etcd node.',
  },
  {
    id: 'etcd-backend-commit-p99',
    title: 'etcd backend commit p99',
    component: 'etcd',
    bottleneck: 'etcd',
    subject: 'node',
    unit: 'seconds',
    expr: etcdInstanceQuantile('etcd_disk_backend_commit_duration_seconds'),
    levels: { guide: { P0: 0.25, P1: 0.05 }, strict: { P0: 0.1, P1: 0.025 }, 'upstream-slo': { P0: 0.25, P1: 0.025 } },
    metrics: ['etcd_disk_backend_commit_duration_seconds'],
    source: ETCD_METRICS,
    remediation:
      'Put etcd on a dedicated SSD/NVMe (fsync p99 < 10 ms), away from noisy neighbours; check disk await on the etcd node.',
  },
  {
    id: 'etcd-db-quota-usage',
    title: 'etcd database size vs quota-backend-bytes',
    component: 'etcd',
    bottleneck: 'etcd',
    subject: 'node',
    unit: 'ratio',
    expr: ratio(
      gauge('etcd_mvcc_db_total_size_in_bytes', { by: ['instance'], agg: 'max', over: 'max' }),
      gauge('etcd_server_quota_backend_bytes', { by: ['instance'], agg: 'max', over: 'last' }),
    ),
    levels: { guide: { P0: 0.9, P1: 0.8 }, strict: { P0: 0.8, P1: 0.6 }, 'upstream-slo': { P0: 0.9, P1: 0.8 } },
    metrics: ['etcd_mvcc_db_total_size_in_bytes', 'etcd_server_quota_backend_bytes'],
    source: 'https://etcd.io/docs/v3.5/op-guide/maintenance/#space-quota',
    remediation:
      'Enable auto-compaction and defragment; raise --quota-backend-bytes (≤ 8 GiB) only after compaction; look for event or CRD object growth.',
  },
  {
    id: 'etcd-leader-changes',
    title: 'etcd leader changes in the window',
    component: 'etcd',
    bottleneck: 'etcd',
    subject: 'node',
    unit: 'count',
    expr: increase('etcd_server_leader_changes_seen_total', ['instance']),
    levels: same({ P0: 3, P1: 0.5 }),
    metrics: ['etcd_server_leader_changes_seen_total'],
    source: ETCD_METRICS,
    remediation:
      'Check network latency and disk stalls between members; tune --heartbeat-interval/--election-timeout to the measured RTT.',
  },
  {
    id: 'etcd-proposals-failed',
    title: 'etcd failed proposals in the window',
    component: 'etcd',
    bottleneck: 'etcd',
    subject: 'node',
    unit: 'count',
    expr: increase('etcd_server_proposals_failed_total', ['instance']),
    levels: same({ P0: 10, P1: 0.5 }),
    metrics: ['etcd_server_proposals_failed_total'],
    source: ETCD_METRICS,
    remediation:
      'Check network latency and disk stalls between members; tune --heartbeat-interval/--election-timeout to the measured RTT.',
  },
  {
    id: 'etcd-peer-rtt-p99',
    title: 'etcd peer round-trip time p99',
    component: 'etcd',
    bottleneck: 'network',
    subject: 'node',
    unit: 'seconds',
    expr: quantile(0.99, 'etcd_network_peer_round_trip_time_seconds', ['instance', 'To']),
    levels: { guide: { P1: 0.1, P2: 0.05 }, strict: { P1: 0.005 }, 'upstream-slo': { P1: 0.05 } },
    metrics: ['etcd_network_peer_round_trip_time_seconds'],
    source: ETCD_HW,
    remediation:
      'Check network latency and disk stalls between members; tune --heartbeat-interval/--election-timeout to the measured RTT.',
  },
];

const attempts = 'scheduler_schedule_attempts_total';
const SCHEDULER_AND_CONTROLLERS: readonly Kpi[] = [
  {
    id: 'scheduler-unschedulable-ratio',
    title: 'Scheduling attempts that ended unschedulable or in error',
    component: 'kube-scheduler',
    bottleneck: 'scheduler',
    subject: 'component',
    unit: 'ratio',
    expr: ratio(rate(`${attempts}{result=~"unschedulable|error"}`), rate(attempts)),
    levels: { guide: { P1: 0.1, P2: 0.01 }, strict: { P1: 0.05, P2: 0.01 }, 'upstream-slo': { P1: 0.1 } },
    metrics: [attempts],
    source: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/',
    remediation:
      'Look at FailedScheduling events: over-constrained affinity/anti-affinity, taints, or no capacity; prefer soft constraints, add capacity.',
  },
  {
    id: 'scheduler-latency-p99',
    title: 'Scheduling attempt latency p99',
    component: 'kube-scheduler',
    bottleneck: 'scheduler',
    subject: 'component',
    unit: 'seconds',
    expr: first(
      quantile(0.99, 'scheduler_scheduling_attempt_duration_seconds'),
      quantile(0.99, 'scheduler_e2e_scheduling_duration_seconds'),
    ),
    levels: { guide: { P1: 1, P2: 0.1 }, strict: { P1: 0.1 }, 'upstream-slo': { P1: 1 } },
    metrics: ['scheduler_scheduling_attempt_duration_seconds', 'scheduler_e2e_scheduling_duration_seconds'],
    since: '1.23 (scheduling_attempt_duration replaces e2e_scheduling_duration)',
    source: 'https://github.com/kubernetes/kubernetes/pull/104599',
    remediation:
      'Lower percentageOfNodesToScore on large clusters, reduce required inter-pod affinity, and check API server latency.',
  },
  {
    id: 'scheduler-pending-pods',
    title: 'Pods waiting in the scheduler (unschedulable and backoff queues)',
    component: 'kube-scheduler',
    bottleneck: 'scheduler',
    subject: 'component',
    unit: 'count',
    expr: gauge('scheduler_pending_pods{queue=~"unschedulable|backoff|gated"}', {
      by: ['queue'],
      agg: 'sum',
      over: 'avg',
    }),
    levels: { guide: { P1: 100, P2: 10 }, strict: { P1: 50, P2: 5 }, 'upstream-slo': { P1: 100 } },
    metrics: ['scheduler_pending_pods'],
    source: 'https://github.com/kubernetes/community/blob/master/sig-scalability/slos/pod_startup_latency.md',
    remediation:
      'Look at FailedScheduling events: over-constrained affinity/anti-affinity, taints, or no capacity; prefer soft constraints, add capacity.',
  },
  {
    id: 'workqueue-depth',
    title: 'Controller work queue depth',
    component: 'kube-controller-manager',
    bottleneck: 'controller-manager',
    subject: 'component',
    unit: 'count',
    expr: gauge('workqueue_depth', { by: ['name'], agg: 'max', over: 'avg' }),
    levels: { guide: { P1: 1000, P2: 100 }, strict: { P1: 1000, P2: 100 }, 'upstream-slo': { P1: 1000 } },
    metrics: ['workqueue_depth'],
    source: GUIDE,
    remediation:
      'Raise the matching --concurrent-*-syncs and the controller-manager client QPS/Burst; check API server latency first.',
  },
  {
    id: 'workqueue-latency-p99',
    title: 'Controller work queue wait p99',
    component: 'kube-controller-manager',
    bottleneck: 'controller-manager',
    subject: 'component',
    unit: 'seconds',
    expr: quantile(0.99, 'workqueue_queue_duration_seconds', ['name']),
    levels: { guide: { P1: 5, P2: 1 }, strict: { P1: 5, P2: 1 }, 'upstream-slo': { P1: 5 } },
    metrics: ['workqueue_queue_duration_seconds'],
    source: GUIDE,
    remediation:
      'Raise the matching --concurrent-*-syncs and the controller-manager client QPS/Burst; check API server latency first.',
  },
];

export const CONTROL_PLANE_KPIS: readonly Kpi[] = [...APISERVER_KPIS, ...ETCD, ...SCHEDULER_AND_CONTROLLERS];
