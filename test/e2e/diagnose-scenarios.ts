/**
 * Cluster scenarios as OpenMetrics history for a real Prometheus (tests, `npm run demo`, `bench:diagnose`).
 * Metric names, label sets and bucket boundaries are those of the real scrapes in ../shared/data/metrics/
 * (kube-apiserver, etcd, kube-scheduler, controller-manager, cAdvisor, kube-state-metrics) and of
 * prometheus-node-exporter. Values are healthy unless a scenario's fault says otherwise.
 */
import type { MetricFamily, TimeRange } from '../support/prometheus.js';
import { controlLoops } from './diagnose-scenarios-loops.js';
import { nodeExporter, workloads } from './diagnose-scenarios-nodes.js';
import {
  API_BUCKETS,
  counter,
  cp,
  ETCD_BUCKETS,
  ETCD_REQ_BUCKETS,
  gauge,
  hist,
  tail,
  type Fault,
} from './diagnose-series.js';

export type { Fault } from './diagnose-series.js';
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
