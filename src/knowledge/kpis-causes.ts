/**
 * Cross-layer causality between KPIs, as data: "cause can drive effect", and how to tell the two bottlenecks are
 * about the same thing. The root-cause analyzer chains the bottlenecks a run found along these links.
 * Sources: ../shared/design/GUIDE.md §1 (bottleneck matrix), https://etcd.io/docs/v3.5/op-guide/hardware/,
 * https://kubernetes.io/docs/concepts/cluster-administration/flow-control/.
 */

/**
 * `any`: both are cluster-level, being present together is enough; `same-host`: an offending series of each is on
 * the same host (`instance` without port, or `node`); `same-pod` / `same-container`: same namespace/pod(/container).
 */
export type CausalJoin = 'any' | 'same-host' | 'same-pod' | 'same-container';

export interface CausalLink {
  readonly cause: string;
  readonly effect: string;
  readonly join: CausalJoin;
  readonly why: string;
}

const API_LATENCY = [
  'apiserver-latency-p99-resource',
  'apiserver-latency-p99-namespace',
  'apiserver-latency-p99-cluster',
];
const each = (effects: readonly string[], link: Omit<CausalLink, 'effect'>): CausalLink[] =>
  effects.map((effect) => ({ ...link, effect }));

export const CAUSAL_LINKS: readonly CausalLink[] = [
  // disk → etcd → API server → clients of the API server
  { cause: 'node-disk-utilisation', effect: 'node-disk-await', join: 'same-host', why: 'a saturated device queues IO' },
  {
    cause: 'node-disk-await',
    effect: 'etcd-wal-fsync-p99',
    join: 'same-host',
    why: 'etcd fsyncs its WAL on this disk',
  },
  { cause: 'node-disk-await', effect: 'etcd-backend-commit-p99', join: 'same-host', why: 'bbolt commits on this disk' },
  {
    cause: 'node-disk-await',
    effect: 'node-iowait',
    join: 'same-host',
    why: 'CPUs sit idle waiting for the slow device',
  },
  {
    cause: 'etcd-wal-fsync-p99',
    effect: 'apiserver-etcd-latency-p99',
    join: 'any',
    why: 'every write waits for the WAL fsync',
  },
  {
    cause: 'etcd-backend-commit-p99',
    effect: 'apiserver-etcd-latency-p99',
    join: 'any',
    why: 'slow commits delay writes',
  },
  ...each(API_LATENCY, { cause: 'apiserver-etcd-latency-p99', join: 'any', why: 'API calls wait for etcd' }),
  ...each(API_LATENCY, { cause: 'etcd-wal-fsync-p99', join: 'any', why: 'API writes wait for the WAL fsync' }),
  { cause: 'etcd-wal-fsync-p99', effect: 'etcd-leader-changes', join: 'any', why: 'fsync stalls miss heartbeats' },
  {
    cause: 'etcd-peer-rtt-p99',
    effect: 'etcd-leader-changes',
    join: 'any',
    why: 'slow peer network misses heartbeats',
  },
  {
    cause: 'etcd-leader-changes',
    effect: 'etcd-proposals-failed',
    join: 'any',
    why: 'proposals fail during elections',
  },
  { cause: 'etcd-proposals-failed', effect: 'apiserver-5xx-ratio', join: 'any', why: 'failed writes surface as 5xx' },
  // API server overload
  { cause: 'apiserver-qps', effect: 'apiserver-seat-saturation', join: 'any', why: 'request load fills the APF seats' },
  {
    cause: 'apiserver-seat-saturation',
    effect: 'apiserver-apf-wait-p99',
    join: 'any',
    why: 'full seats queue requests',
  },
  {
    cause: 'apiserver-seat-saturation',
    effect: 'apiserver-apf-rejections',
    join: 'any',
    why: 'full queues reject requests',
  },
  {
    cause: 'apiserver-apf-rejections',
    effect: 'apiserver-429-ratio',
    join: 'any',
    why: 'APF rejections are answered 429',
  },
  {
    cause: 'apiserver-seat-saturation',
    effect: 'apiserver-429-ratio',
    join: 'any',
    why: 'saturated priority levels answer 429',
  },
  ...each(API_LATENCY, { cause: 'apiserver-apf-wait-p99', join: 'any', why: 'queue wait adds to call latency' }),
  ...each(['scheduler-latency-p99', 'workqueue-latency-p99', 'kubelet-pod-start-p99'], {
    cause: 'apiserver-latency-p99-resource',
    join: 'any',
    why: 'control loops wait on API calls',
  }),
  {
    cause: 'scheduler-unschedulable-ratio',
    effect: 'scheduler-pending-pods',
    join: 'any',
    why: 'unschedulable pods pile up',
  },
  { cause: 'kubelet-runtime-op-p99', effect: 'kubelet-pod-start-p99', join: 'any', why: 'pods wait for the runtime' },
  { cause: 'node-disk-await', effect: 'kubelet-runtime-op-p99', join: 'any', why: 'container creation writes layers' },
  {
    cause: 'node-cpu-utilisation',
    effect: 'kubelet-pleg-relist-p99',
    join: 'same-host',
    why: 'a busy node relists slowly',
  },
  {
    cause: 'node-cpu-utilisation',
    effect: 'node-load-per-cpu',
    join: 'same-host',
    why: 'busy CPUs lengthen the run queue',
  },
  // memory
  {
    cause: 'node-memory-utilisation',
    effect: 'node-major-page-faults',
    join: 'same-host',
    why: 'page cache is evicted',
  },
  {
    cause: 'node-memory-utilisation',
    effect: 'container-oom-kills',
    join: 'same-host',
    why: 'the node runs out of memory',
  },
  {
    cause: 'container-memory-vs-limit',
    effect: 'container-oom-kills',
    join: 'same-container',
    why: 'the cgroup limit is hit',
  },
  {
    cause: 'container-oom-kills',
    effect: 'container-restarts',
    join: 'same-container',
    why: 'OOM-killed containers restart',
  },
  // CPU limits → throttling → service latency
  {
    cause: 'container-cpu-vs-limit',
    effect: 'container-cpu-throttling',
    join: 'same-container',
    why: 'usage reaches the CFS quota',
  },
  {
    cause: 'container-cpu-throttling',
    effect: 'service-latency-p99',
    join: 'same-pod',
    why: 'throttled periods stall requests',
  },
  {
    cause: 'node-conntrack-usage',
    effect: 'node-network-drop-ratio',
    join: 'same-host',
    why: 'a full conntrack table drops packets',
  },
];
