/** Control-plane KPIs: kube-apiserver, etcd, kube-scheduler, kube-controller-manager. See kpis.ts. */
import { binary, constant, first, gauge, increase, quantile, rate, ratio } from '../model/metric-expr.js';
import type { Kpi } from './kpis.js';

const GUIDE = 'https://github.com/kubetune/kubetune/blob/main/docs/diagnose.md#thresholds';
const SLO_API = 'https://github.com/kubernetes/community/blob/master/sig-scalability/slos/api_call_latency.md';
const ETCD_HW = 'https://etcd.io/docs/v3.5/op-guide/hardware/';
const ETCD_METRICS = 'https://etcd.io/docs/v3.5/metrics/';
const APF = 'https://kubernetes.io/docs/concepts/cluster-administration/flow-control/';
const same = <T>(v: T) => ({ guide: v, strict: v, 'upstream-slo': v });

/** Non-streaming calls of one scope; SLI histogram (1.26+, excludes webhooks) with fallbacks to older names. */
const apiLatency = (scope: string) => {
  const m = `{verb!~"WATCH|CONNECT",scope="${scope}"}`;
  return first(
    quantile(0.99, `apiserver_request_sli_duration_seconds${m}`, ['verb', 'resource']),
    quantile(0.99, `apiserver_request_slo_duration_seconds${m}`, ['verb', 'resource']),
    quantile(0.99, `apiserver_request_duration_seconds${m}`, ['verb', 'resource']),
  );
};
const API_LATENCY_METRICS = [
  'apiserver_request_sli_duration_seconds',
  'apiserver_request_slo_duration_seconds',
  'apiserver_request_duration_seconds',
];
const apiLatencyKpi = (scope: string, sloSeconds: number): Kpi => ({
  id: `apiserver-latency-p99-${scope}`,
  title: `API server p99 latency, ${scope}-scoped calls`,
  component: 'kube-apiserver',
  bottleneck: 'api-server',
  subject: 'component',
  unit: 'seconds',
  expr: apiLatency(scope),
  levels: { guide: { P0: 1, P2: 0.5 }, strict: { P0: 1, P1: 0.1 }, 'upstream-slo': { P0: sloSeconds } },
  metrics: API_LATENCY_METRICS,
  since: '1.26 (apiserver_request_sli_duration_seconds; _slo_ from 1.23)',
  source: SLO_API,
  remediation:
    'Find the slow verb/resource in the evidence; check etcd latency first, then API server CPU, --max-requests-inflight/--max-mutating-requests-inflight and watch-cache sizes; add API server replicas.',
});

const apiTotal = 'apiserver_request_total';
const API: readonly Kpi[] = [
  apiLatencyKpi('resource', 1),
  apiLatencyKpi('namespace', 5),
  apiLatencyKpi('cluster', 30),
  {
    id: 'apiserver-qps',
    title: 'API server request rate',
    component: 'kube-apiserver',
    bottleneck: 'api-server',
    subject: 'component',
    unit: 'per-second',
    expr: rate(apiTotal),
    levels: { guide: { P2: 3000 }, strict: { P2: 3000 }, 'upstream-slo': {} },
    metrics: [apiTotal],
    source: GUIDE,
    remediation:
      'Raise --max-requests-inflight/--max-mutating-requests-inflight (or the APF priority level shares) only with spare CPU; otherwise add API server replicas and find the noisy client.',
  },
  {
    id: 'apiserver-5xx-ratio',
    title: 'API server 5xx ratio',
    component: 'kube-apiserver',
    bottleneck: 'api-server',
    subject: 'component',
    unit: 'ratio',
    expr: ratio(rate(`${apiTotal}{code=~"5.."}`), rate(apiTotal)),
    levels: { guide: { P0: 0.01 }, strict: { P0: 0.01, P1: 0.001 }, 'upstream-slo': { P0: 0.01 } },
    metrics: [apiTotal],
    source: GUIDE,
    remediation:
      'Raise --max-requests-inflight/--max-mutating-requests-inflight (or the APF priority level shares) only with spare CPU; otherwise add API server replicas and find the noisy client.',
  },
  {
    id: 'apiserver-429-ratio',
    title: 'API server throttled (429) ratio',
    component: 'kube-apiserver',
    bottleneck: 'api-server',
    subject: 'component',
    unit: 'ratio',
    expr: ratio(rate(`${apiTotal}{code="429"}`), rate(apiTotal)),
    levels: { guide: { P0: 0.05, P1: 0.01 }, strict: { P0: 0.01, P1: 0.001 }, 'upstream-slo': { P0: 0.05, P1: 0.01 } },
    metrics: [apiTotal],
    source: APF,
    remediation:
      'Find the throttled clients (user agent / flow schema); lower their QPS/Burst or give them their own priority level; raise the inflight limits only with spare API server CPU.',
  },
  {
    id: 'apiserver-seat-saturation',
    title: 'API Priority and Fairness seats in use vs the priority level limit',
    component: 'kube-apiserver',
    bottleneck: 'api-server',
    subject: 'component',
    unit: 'ratio',
    expr: ratio(
      gauge('apiserver_flowcontrol_current_executing_seats{priority_level!="exempt"}', {
        by: ['priority_level'],
        agg: 'sum',
        over: 'max',
      }),
      gauge('apiserver_flowcontrol_nominal_limit_seats{priority_level!="exempt"}', {
        by: ['priority_level'],
        agg: 'max',
        over: 'max',
      }),
    ),
    levels: { guide: { P0: 0.9, P1: 0.8 }, strict: { P0: 0.8, P1: 0.6 }, 'upstream-slo': { P0: 0.9, P1: 0.8 } },
    metrics: ['apiserver_flowcontrol_current_executing_seats', 'apiserver_flowcontrol_nominal_limit_seats'],
    since: '1.26 (nominal_limit_seats)',
    source: APF,
    remediation:
      'Raise --max-requests-inflight/--max-mutating-requests-inflight (or the APF priority level shares) only with spare CPU; otherwise add API server replicas and find the noisy client.',
  },
  {
    id: 'apiserver-apf-rejections',
    title: 'Requests rejected by API Priority and Fairness',
    component: 'kube-apiserver',
    bottleneck: 'api-server',
    subject: 'component',
    unit: 'count',
    // the counter only appears after a first rejection: a scraped API server without it has rejected nothing
    expr: first(
      increase('apiserver_flowcontrol_rejected_requests_total', ['priority_level', 'reason']),
      binary('*', constant(0), rate(apiTotal)),
    ),
    levels: same({ P0: 1000, P1: 0 }),
    metrics: ['apiserver_flowcontrol_rejected_requests_total'],
    source: APF,
    remediation:
      'Raise --max-requests-inflight/--max-mutating-requests-inflight (or the APF priority level shares) only with spare CPU; otherwise add API server replicas and find the noisy client.',
  },
  {
    id: 'apiserver-apf-wait-p99',
    title: 'API Priority and Fairness queue wait p99',
    component: 'kube-apiserver',
    bottleneck: 'api-server',
    subject: 'component',
    unit: 'seconds',
    expr: quantile(0.99, 'apiserver_flowcontrol_request_wait_duration_seconds{execute="true"}', ['priority_level']),
    levels: { guide: { P1: 1, P2: 0.25 }, strict: { P1: 0.1 }, 'upstream-slo': { P1: 1 } },
    metrics: ['apiserver_flowcontrol_request_wait_duration_seconds'],
    source: APF,
    remediation:
      'Raise --max-requests-inflight/--max-mutating-requests-inflight (or the APF priority level shares) only with spare CPU; otherwise add API server replicas and find the noisy client.',
  },
  {
    id: 'apiserver-etcd-latency-p99',
    title: 'etcd request latency seen by the API server, p99',
    component: 'kube-apiserver',
    bottleneck: 'etcd',
    subject: 'component',
    unit: 'seconds',
    expr: quantile(0.99, 'etcd_request_duration_seconds', ['operation', 'resource', 'type']),
    levels: { guide: { P0: 1, P1: 0.25 }, strict: { P0: 0.5, P1: 0.1 }, 'upstream-slo': { P0: 1, P1: 0.25 } },
    metrics: ['etcd_request_duration_seconds'],
    source: ETCD_METRICS,
    remediation:
      'Put etcd on a dedicated SSD/NVMe (fsync p99 < 10 ms), away from noisy neighbours; check disk await on the etcd node.',
  },
];

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

export const CONTROL_PLANE_KPIS: readonly Kpi[] = [...API, ...ETCD, ...SCHEDULER_AND_CONTROLLERS];
