/**
 * Cluster scenarios as OpenMetrics history for a real Prometheus (tests, `npm run demo`, `bench:diagnose`).
 * Metric names, label sets and bucket boundaries are those of the real scrapes in ../shared/data/metrics/
 * (kube-apiserver, etcd, kube-scheduler, controller-manager, cAdvisor, kube-state-metrics) and of
 * prometheus-node-exporter. Values are healthy unless a scenario's fault says otherwise.
 */
import {
  counterSamples,
  histogramSeries,
  sampleRange,
  type Labels,
  type MetricFamily,
  type SeriesData,
  type TimeRange,
} from '../support/prometheus.js';

export type Fault = 'slow-etcd-disk' | 'apiserver-overload' | 'node-memory-pressure' | 'cpu-throttled-service';
export const SCENARIOS = {
  healthy: [],
  'slow-etcd-disk': ['slow-etcd-disk'],
  'apiserver-overload': ['apiserver-overload'],
  'node-memory-pressure': ['node-memory-pressure'],
  'cpu-throttled-service': ['cpu-throttled-service'],
  'etcd-disk-and-throttled-service': ['slow-etcd-disk', 'cpu-throttled-service'],
} as const satisfies Record<string, readonly Fault[]>;
export type ScenarioName = keyof typeof SCENARIOS;

export interface ClusterShape {
  readonly nodes: number;
  /** Node-exporter series only (bench): no workloads. */
  readonly nodesOnly?: boolean;
  readonly range: TimeRange;
}

const API_BUCKETS = [0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60];
const ETCD_BUCKETS = [0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192];
const ETCD_REQ_BUCKETS = [
  0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60,
];
const SCHED_BUCKETS = [
  0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192, 16.384,
];

/** A CDF with 98.5% of observations below `typical` and the tail up to `p99`: histogram_quantile(0.99) ≈ p99's bucket. */
const tail = (typical: number, p99: number) => (le: number) => (le < typical ? 0 : le < p99 ? 0.985 : 1);
const cp = (i: number) => `10.0.0.${i + 1}`;
const node = (i: number) => `10.0.${1 + Math.floor(i / 250)}.${(i % 250) + 1}`;

type HistArgs = [
  name: string,
  labels: Labels,
  buckets: readonly number[],
  range: TimeRange,
  rate: number,
  cdf: (le: number) => number,
];
const hist = (...[name, labels, buckets, range, rate, cdf]: HistArgs): SeriesData[] =>
  histogramSeries({ name, labels, buckets, range, ratePerSecond: rate, cdf });
const counter = (metric: string, labels: Labels, range: TimeRange, rate: number): SeriesData => ({
  metric,
  labels,
  samples: counterSamples(range, rate),
});
const gauge = (metric: string, labels: Labels, range: TimeRange, value: number): SeriesData => ({
  metric,
  labels,
  samples: sampleRange(range, () => value),
});

function* apiserver(faults: ReadonlySet<Fault>, r: TimeRange): Generator<MetricFamily> {
  const overload = faults.has('apiserver-overload');
  const slowEtcd = faults.has('slow-etcd-disk');
  const job = { job: 'apiserver', instance: `${cp(0)}:6443` };
  const calls = [
    { verb: 'GET', resource: 'pods', scope: 'resource', typical: 0.05, p99: overload ? 1.5 : slowEtcd ? 2 : 0.1 },
    { verb: 'POST', resource: 'events', scope: 'resource', typical: 0.05, p99: overload ? 1.5 : slowEtcd ? 2 : 0.2 },
    { verb: 'LIST', resource: 'pods', scope: 'namespace', typical: 0.1, p99: overload ? 1.5 : 0.4 },
    { verb: 'LIST', resource: 'nodes', scope: 'cluster', typical: 0.1, p99: 0.4 },
  ];
  const base = { component: 'apiserver', group: '', subresource: '', version: 'v1', ...job };
  yield {
    name: 'apiserver_request_sli_duration_seconds',
    type: 'histogram',
    series: calls.flatMap((c) =>
      hist(
        'apiserver_request_sli_duration_seconds',
        { ...base, verb: c.verb, resource: c.resource, scope: c.scope },
        API_BUCKETS,
        r,
        20,
        tail(c.typical, c.p99),
      ),
    ),
  };
  const qps = overload ? 4000 : 300;
  yield {
    name: 'apiserver_request_total',
    type: 'counter',
    series: [
      counter(
        'apiserver_request_total',
        { ...base, code: '200', verb: 'GET', resource: 'pods', scope: 'resource', dry_run: '' },
        r,
        qps * (overload ? 0.96 : 0.999),
      ),
      counter(
        'apiserver_request_total',
        { ...base, code: '500', verb: 'GET', resource: 'pods', scope: 'resource', dry_run: '' },
        r,
        qps * 0.0005,
      ),
      ...(overload
        ? [
            counter(
              'apiserver_request_total',
              { ...base, code: '429', verb: 'GET', resource: 'pods', scope: 'resource', dry_run: '' },
              r,
              qps * 0.035,
            ),
          ]
        : []),
    ],
  };
  const levels = ['workload-high', 'workload-low', 'global-default'];
  yield {
    name: 'apiserver_flowcontrol_current_executing_seats',
    type: 'gauge',
    series: levels.map((pl) =>
      gauge(
        'apiserver_flowcontrol_current_executing_seats',
        { ...job, priority_level: pl, flow_schema: pl },
        r,
        overload && pl === 'workload-low' ? 235 : 12,
      ),
    ),
  };
  yield {
    name: 'apiserver_flowcontrol_nominal_limit_seats',
    type: 'gauge',
    series: levels.map((pl) =>
      gauge('apiserver_flowcontrol_nominal_limit_seats', { ...job, priority_level: pl }, r, 245),
    ),
  };
  yield {
    name: 'apiserver_flowcontrol_request_wait_duration_seconds',
    type: 'histogram',
    series: levels.flatMap((pl) =>
      hist(
        'apiserver_flowcontrol_request_wait_duration_seconds',
        { ...job, priority_level: pl, flow_schema: pl, execute: 'true' },
        [0, 0.005, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30],
        r,
        10,
        tail(0.005, overload && pl === 'workload-low' ? 4 : 0.02),
      ),
    ),
  };
  if (overload) {
    yield {
      name: 'apiserver_flowcontrol_rejected_requests_total',
      type: 'counter',
      series: [
        counter(
          'apiserver_flowcontrol_rejected_requests_total',
          { ...job, priority_level: 'workload-low', flow_schema: 'service-accounts', reason: 'queue-full' },
          r,
          140,
        ),
      ],
    };
  }
  yield {
    name: 'etcd_request_duration_seconds',
    type: 'histogram',
    series: ['get', 'create', 'update'].flatMap((op) =>
      hist(
        'etcd_request_duration_seconds',
        { ...job, group: '', operation: op, resource: 'pods' },
        ETCD_REQ_BUCKETS,
        r,
        30,
        tail(0.005, slowEtcd ? 0.8 : 0.05),
      ),
    ),
  };
  yield {
    name: 'kubernetes_build_info',
    type: 'gauge',
    series: [gauge('kubernetes_build_info', { ...job, git_version: 'v1.35.0', major: '1', minor: '35' }, r, 1)],
  };
}

function* etcd(faults: ReadonlySet<Fault>, r: TimeRange): Generator<MetricFamily> {
  const slow = faults.has('slow-etcd-disk');
  const members = [0, 1, 2].map((i) => ({ job: 'etcd', instance: `${cp(i)}:2379` }));
  // only cp-1's disk is slow: the root cause must point at that node
  const h = (name: string, typical: number, slowP99: number, okP99: number): MetricFamily => ({
    name,
    type: 'histogram',
    series: members.flatMap((m, i) =>
      hist(name, m, ETCD_BUCKETS, r, 50, tail(typical, slow && i === 0 ? slowP99 : okP99)),
    ),
  });
  yield h('etcd_disk_wal_fsync_duration_seconds', 0.001, 0.5, 0.004);
  yield h('etcd_disk_backend_commit_duration_seconds', 0.002, 0.5, 0.008);
  yield {
    name: 'etcd_mvcc_db_total_size_in_bytes',
    type: 'gauge',
    series: members.map((m) => gauge('etcd_mvcc_db_total_size_in_bytes', m, r, 1.2e9)),
  };
  yield {
    name: 'etcd_server_quota_backend_bytes',
    type: 'gauge',
    series: members.map((m) => gauge('etcd_server_quota_backend_bytes', m, r, 8 * 2 ** 30)),
  };
  yield {
    name: 'etcd_server_leader_changes_seen_total',
    type: 'counter',
    series: members.map((m) => gauge('etcd_server_leader_changes_seen_total', m, r, 1)),
  };
  yield {
    name: 'etcd_server_proposals_failed_total',
    type: 'counter',
    series: members.map((m) => gauge('etcd_server_proposals_failed_total', m, r, 0)),
  };
  yield {
    name: 'etcd_network_peer_round_trip_time_seconds',
    type: 'histogram',
    series: members.flatMap((m, i) =>
      hist(
        'etcd_network_peer_round_trip_time_seconds',
        { ...m, To: `member-${(i + 1) % 3}` },
        ETCD_BUCKETS,
        r,
        2,
        tail(0.001, 0.004),
      ),
    ),
  };
}

function* controlLoops(r: TimeRange): Generator<MetricFamily> {
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

const nodeMemoryPressure = (faults: ReadonlySet<Fault>, i: number) => faults.has('node-memory-pressure') && i === 1;

/** prometheus-node-exporter series of `n` nodes (cp-1 is node index 0's disk when etcd is slow: see etcdHost). */
export function* nodeExporter(faults: ReadonlySet<Fault>, n: number, r: TimeRange): Generator<MetricFamily> {
  const hosts = (i: number) => (i < 3 ? cp(i) : node(i));
  const inst = (i: number) => ({ job: 'node', instance: `${hosts(i)}:9100` });
  const all = Array.from({ length: n }, (_, i) => i);
  const slowDisk = (i: number) => faults.has('slow-etcd-disk') && i === 0;
  const modes = { idle: 0.62, user: 0.25, system: 0.08, iowait: 0.05 };
  yield {
    name: 'node_cpu_seconds_total',
    type: 'counter',
    series: all.flatMap((i) =>
      ['0', '1'].flatMap((cpu) =>
        Object.entries(modes).map(([mode, share]) => {
          const s = slowDisk(i) ? (mode === 'iowait' ? 0.2 : mode === 'idle' ? 0.47 : share) : share;
          return counter('node_cpu_seconds_total', { ...inst(i), cpu, mode }, r, s);
        }),
      ),
    ),
  };
  const total = 16 * 2 ** 30;
  yield {
    name: 'node_memory_MemTotal_bytes',
    type: 'gauge',
    series: all.map((i) => gauge('node_memory_MemTotal_bytes', inst(i), r, total)),
  };
  yield {
    name: 'node_memory_MemAvailable_bytes',
    type: 'gauge',
    series: all.map((i) =>
      gauge('node_memory_MemAvailable_bytes', inst(i), r, total * (nodeMemoryPressure(faults, i) ? 0.04 : 0.55)),
    ),
  };
  yield { name: 'node_load5', type: 'gauge', series: all.map((i) => gauge('node_load5', inst(i), r, 0.8)) };
  yield {
    name: 'node_vmstat_pgmajfault',
    type: 'unknown',
    series: all.map((i) => counter('node_vmstat_pgmajfault', inst(i), r, nodeMemoryPressure(faults, i) ? 2500 : 2)),
  };
  const disk = (i: number) => ({ ...inst(i), device: 'sda' });
  yield {
    name: 'node_disk_writes_completed_total',
    type: 'counter',
    series: all.map((i) => counter('node_disk_writes_completed_total', disk(i), r, 200)),
  };
  yield {
    name: 'node_disk_write_time_seconds_total',
    type: 'counter',
    series: all.map((i) =>
      counter('node_disk_write_time_seconds_total', disk(i), r, 200 * (slowDisk(i) ? 0.09 : 0.002)),
    ),
  };
  yield {
    name: 'node_disk_reads_completed_total',
    type: 'counter',
    series: all.map((i) => counter('node_disk_reads_completed_total', disk(i), r, 50)),
  };
  yield {
    name: 'node_disk_read_time_seconds_total',
    type: 'counter',
    series: all.map((i) => counter('node_disk_read_time_seconds_total', disk(i), r, 50 * 0.001)),
  };
  yield {
    name: 'node_disk_io_time_seconds_total',
    type: 'counter',
    series: all.map((i) => counter('node_disk_io_time_seconds_total', disk(i), r, slowDisk(i) ? 0.97 : 0.2)),
  };
  const nic = (i: number) => ({ ...inst(i), device: 'eth0' });
  for (const dir of ['receive', 'transmit']) {
    yield {
      name: `node_network_${dir}_packets_total`,
      type: 'counter',
      series: all.map((i) => counter(`node_network_${dir}_packets_total`, nic(i), r, 5000)),
    };
    yield {
      name: `node_network_${dir}_drop_total`,
      type: 'counter',
      series: all.map((i) => counter(`node_network_${dir}_drop_total`, nic(i), r, 0.1)),
    };
    yield {
      name: `node_network_${dir}_errs_total`,
      type: 'counter',
      series: all.map((i) => counter(`node_network_${dir}_errs_total`, nic(i), r, 0)),
    };
  }
  yield {
    name: 'node_nf_conntrack_entries',
    type: 'gauge',
    series: all.map((i) => gauge('node_nf_conntrack_entries', inst(i), r, 20_000)),
  };
  yield {
    name: 'node_nf_conntrack_entries_limit',
    type: 'gauge',
    series: all.map((i) => gauge('node_nf_conntrack_entries_limit', inst(i), r, 262_144)),
  };
}

function* workloads(faults: ReadonlySet<Fault>, r: TimeRange): Generator<MetricFamily> {
  const throttled = faults.has('cpu-throttled-service');
  const memory = faults.has('node-memory-pressure');
  // cAdvisor series carry the kubelet's instance: node index 1 (host 10.0.0.2) runs both pods
  const kubelet = { job: 'kubelet', metrics_path: '/metrics/cadvisor', instance: `${cp(1)}:10250` };
  const pods = [
    {
      namespace: 'shop',
      pod: 'frontend-7d9f8b6c5-x2k4q',
      container: 'server',
      cpuLimit: 0.5,
      usage: throttled ? 0.49 : 0.2,
      throttle: throttled ? 0.62 : 0.02,
    },
    { namespace: 'shop', pod: 'cart-5c7d6f9b8-m8n2p', container: 'server', cpuLimit: 1, usage: 0.3, throttle: 0.01 },
  ];
  const c = (p: (typeof pods)[number]) => ({
    ...kubelet,
    namespace: p.namespace,
    pod: p.pod,
    container: p.container,
    image: `example/${p.container}:1.0`,
    name: `k8s_${p.container}`,
  });
  yield {
    name: 'container_cpu_cfs_periods_total',
    type: 'counter',
    series: pods.map((p) => counter('container_cpu_cfs_periods_total', c(p), r, 10)),
  };
  yield {
    name: 'container_cpu_cfs_throttled_periods_total',
    type: 'counter',
    series: pods.map((p) => counter('container_cpu_cfs_throttled_periods_total', c(p), r, 10 * p.throttle)),
  };
  yield {
    name: 'container_cpu_usage_seconds_total',
    type: 'counter',
    series: pods.map((p) => counter('container_cpu_usage_seconds_total', c(p), r, p.usage)),
  };
  yield {
    name: 'container_spec_cpu_quota',
    type: 'gauge',
    series: pods.map((p) => gauge('container_spec_cpu_quota', c(p), r, p.cpuLimit * 100_000)),
  };
  yield {
    name: 'container_spec_cpu_period',
    type: 'gauge',
    series: pods.map((p) => gauge('container_spec_cpu_period', c(p), r, 100_000)),
  };
  const limit = 512 * 2 ** 20;
  yield {
    name: 'container_memory_working_set_bytes',
    type: 'gauge',
    series: pods.map((p, i) =>
      gauge('container_memory_working_set_bytes', c(p), r, limit * (memory && i === 1 ? 0.97 : 0.4)),
    ),
  };
  yield {
    name: 'container_spec_memory_limit_bytes',
    type: 'gauge',
    series: pods.map((p) => gauge('container_spec_memory_limit_bytes', c(p), r, limit)),
  };
  yield {
    name: 'container_oom_events_total',
    type: 'counter',
    series: pods.map((p, i) => counter('container_oom_events_total', c(p), r, memory && i === 1 ? 4 / 3600 : 0)),
  };
  const ksm = { job: 'kube-state-metrics', instance: '10.0.9.9:8080' };
  yield {
    name: 'kube_pod_container_status_restarts_total',
    type: 'counter',
    series: pods.map((p, i) =>
      counter(
        'kube_pod_container_status_restarts_total',
        { ...ksm, namespace: p.namespace, pod: p.pod, container: p.container, uid: `uid-${i}` },
        r,
        memory && i === 1 ? 4 / 3600 : 0,
      ),
    ),
  };
  yield {
    name: 'http_request_duration_seconds',
    type: 'histogram',
    series: pods.flatMap((p) =>
      hist(
        'http_request_duration_seconds',
        { job: p.pod.split('-')[0]!, namespace: p.namespace, pod: p.pod, instance: '10.244.1.7:8080' },
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        r,
        50,
        tail(0.01, throttled && p.pod.startsWith('frontend') ? 0.9 : 0.08),
      ),
    ),
  };
}

/** Every metric family of a cluster with `faults`. */
export function* clusterFamilies(faults: readonly Fault[], shape: ClusterShape): Generator<MetricFamily> {
  const set = new Set(faults);
  yield* nodeExporter(set, shape.nodes, shape.range);
  yield* apiserver(set, shape.range);
  yield* etcd(set, shape.range);
  yield* controlLoops(shape.range);
  if (!shape.nodesOnly) yield* workloads(set, shape.range);
}

/** Two hours of history at 30 s, ending at `endSeconds`. */
export const scenarioRange = (endSeconds: number, hours = 2, stepSeconds = 30): TimeRange => ({
  startSeconds: endSeconds - hours * 3600,
  endSeconds,
  stepSeconds,
});
