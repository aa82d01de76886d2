/**
 * What the latency model learns from: one server-side aggregated series per feature and per target, so a 14-day
 * window costs one range query each. `$rate` is replaced by the rate window chosen from the step.
 * Metric names: Kubernetes metrics reference (https://kubernetes.io/docs/reference/instrumentation/metrics/),
 * kube-state-metrics (https://github.com/kubernetes/kube-state-metrics/tree/main/docs), etcd metrics
 * (https://etcd.io/docs/v3.5/metrics/). SLO bounds: the upstream API call latency SLO
 * (https://github.com/kubernetes/community/blob/master/sig-scalability/slos/api_call_latency.md).
 */

export interface FeatureDef {
  readonly name: string;
  readonly unit: 'count' | 'per-second' | 'seconds' | 'bytes' | 'cores';
  readonly help: string;
  /** Alternatives tried in order: the first that returns data is used (metric names changed across releases). */
  readonly queries: readonly string[];
  /** Names a what-if scenario may use for this feature. */
  readonly aliases: readonly string[];
}

export const FEATURES: readonly FeatureDef[] = [
  {
    name: 'nodes',
    unit: 'count',
    help: 'Ready nodes',
    aliases: ['nodes', 'node'],
    queries: ['sum(kube_node_status_condition{condition="Ready",status="true"})', 'count(kubelet_running_pods)'],
  },
  {
    name: 'pods',
    unit: 'count',
    help: 'running pods',
    aliases: ['pods', 'pod'],
    queries: ['sum(kubelet_running_pods)', 'sum(kubelet_running_pod_count)', 'count(kube_pod_info)'],
  },
  {
    name: 'objects',
    unit: 'count',
    help: 'objects stored in etcd (all resources)',
    aliases: ['objects'],
    queries: ['sum(max by (resource) (apiserver_storage_objects))', 'sum(max by (resource) (etcd_object_counts))'],
  },
  {
    name: 'get_qps',
    unit: 'per-second',
    help: 'GET requests per second',
    aliases: ['get-qps', 'read-qps'],
    queries: ['sum(rate(apiserver_request_total{verb="GET"}[$rate]))'],
  },
  {
    name: 'list_qps',
    unit: 'per-second',
    help: 'LIST requests per second',
    aliases: ['list-qps'],
    queries: ['sum(rate(apiserver_request_total{verb="LIST"}[$rate]))'],
  },
  {
    name: 'mutating_qps',
    unit: 'per-second',
    help: 'POST/PUT/PATCH/DELETE requests per second',
    aliases: ['mutating-qps', 'write-qps'],
    queries: ['sum(rate(apiserver_request_total{verb=~"POST|PUT|PATCH|DELETE"}[$rate]))'],
  },
  {
    name: 'watches',
    unit: 'count',
    help: 'open WATCH requests',
    aliases: ['watches', 'watch-count'],
    queries: ['sum(apiserver_longrunning_requests{verb="WATCH"})', 'sum(apiserver_longrunning_gauge{verb="WATCH"})'],
  },
  {
    name: 'inflight',
    unit: 'count',
    help: 'requests in flight',
    aliases: ['inflight'],
    queries: ['sum(apiserver_current_inflight_requests)'],
  },
  {
    name: 'apf_seats',
    unit: 'count',
    help: 'APF seats in use',
    aliases: ['apf-seats', 'seats'],
    queries: [
      'sum(apiserver_flowcontrol_current_executing_seats)',
      'sum(apiserver_flowcontrol_current_executing_requests)',
    ],
  },
  {
    name: 'etcd_db_bytes',
    unit: 'bytes',
    help: 'etcd database size',
    aliases: ['etcd-db', 'db-size'],
    queries: ['max(etcd_mvcc_db_total_size_in_bytes)', 'max(etcd_debugging_mvcc_db_total_size_in_bytes)'],
  },
  {
    name: 'etcd_fsync_p99',
    unit: 'seconds',
    help: 'etcd WAL fsync p99',
    aliases: ['fsync', 'etcd-fsync'],
    queries: ['histogram_quantile(0.99, sum by (le) (rate(etcd_disk_wal_fsync_duration_seconds_bucket[$rate])))'],
  },
  {
    name: 'etcd_commit_p99',
    unit: 'seconds',
    help: 'etcd backend commit p99',
    aliases: ['commit', 'etcd-commit'],
    queries: ['histogram_quantile(0.99, sum by (le) (rate(etcd_disk_backend_commit_duration_seconds_bucket[$rate])))'],
  },
  {
    name: 'apiserver_cpu',
    unit: 'cores',
    help: 'API server CPU',
    aliases: ['apiserver-cpu'],
    queries: ['sum(rate(process_cpu_seconds_total{job=~".*apiserver.*"}[$rate]))'],
  },
  {
    name: 'apiserver_memory',
    unit: 'bytes',
    help: 'API server resident memory',
    aliases: ['apiserver-memory'],
    queries: ['sum(process_resident_memory_bytes{job=~".*apiserver.*"})'],
  },
];

export type VerbClass = 'read-single' | 'read-list' | 'mutating';

export interface TargetDef {
  readonly verbClass: VerbClass;
  readonly help: string;
  readonly query: string;
  /** The upstream SLO bound for this class, seconds, and what it applies to. */
  readonly sloSeconds: number;
  readonly sloScope: string;
}

const p99 = (selector: string): string =>
  `histogram_quantile(0.99, sum by (le) (rate(apiserver_request_duration_seconds_bucket{${selector}}[$rate])))`;

export const TARGETS: readonly TargetDef[] = [
  {
    verbClass: 'read-single',
    help: 'GET of one object',
    query: p99('verb="GET",scope="resource"'),
    sloSeconds: 1,
    sloScope: 'resource-scoped read ≤ 1 s',
  },
  {
    verbClass: 'read-list',
    help: 'LIST in a namespace or the cluster',
    query: p99('verb="LIST",scope=~"namespace|cluster"'),
    sloSeconds: 5,
    sloScope: 'namespace-scoped read ≤ 5 s (cluster-scoped LISTs are allowed 30 s)',
  },
  {
    verbClass: 'mutating',
    help: 'POST/PUT/PATCH/DELETE',
    query: p99('verb=~"POST|PUT|PATCH|DELETE"'),
    sloSeconds: 1,
    sloScope: 'mutating call ≤ 1 s',
  },
];

/** The step for a window: about `points` rows, at least one minute, a whole number of minutes. */
export function stepFor(windowSeconds: number, points = 2000): number {
  return Math.max(60, Math.ceil(windowSeconds / points / 60) * 60);
}

/** The rate window for a step: at least 5 m, at least two steps, so that no sample falls between windows. */
export function rateWindowFor(stepSeconds: number): string {
  return `${Math.max(300, 2 * stepSeconds)}s`;
}

export function withRate(query: string, stepSeconds: number): string {
  return query.replaceAll('$rate', rateWindowFor(stepSeconds));
}

export function featureByAlias(alias: string): FeatureDef | undefined {
  const a = alias.toLowerCase().replaceAll('_', '-');
  return FEATURES.find((f) => f.name.replaceAll('_', '-') === a || f.aliases.includes(a));
}
