import type { Direction, MetricUnit } from '../model/bench.js';

/** A pass/fail threshold on a metric's median, with the document it comes from. */
export interface MetricGate {
  readonly max?: number;
  readonly min?: number;
  readonly source: string;
}

export interface MetricDef {
  readonly id: string;
  readonly unit: MetricUnit;
  readonly direction: Direction;
  readonly summary: string;
  /** Default minimum effect, in percent of the baseline median, below which a change is never flagged. */
  readonly minEffectPct: number;
  readonly gate?: MetricGate;
}

const ETCD_HW =
  'etcd docs: p99 of wal_fsync_duration_seconds < 10 ms; fio form from "Using fio to tell whether your storage is fast enough for etcd" (IBM Cloud, 2019)';
const API_SLO = 'Kubernetes scalability SLO "API call latency" (sig-scalability/slos/api_call_latency.md)';
const POD_SLO = 'Kubernetes scalability SLO "Pod startup latency" (sig-scalability/slos/pod_startup_latency.md)';

type MetricSpec = Omit<MetricDef, 'id' | 'minEffectPct'> & { readonly minEffectPct?: number };

const m = (id: string, spec: MetricSpec): MetricDef => ({ id, ...spec, minEffectPct: spec.minEffectPct ?? 5 });

/** Every metric kubetune bench records. docs/bench.md documents each (checked by a test). */
export const METRICS: readonly MetricDef[] = [
  m('cpu.bogo-ops-per-cpu-second', {
    unit: 'ops/s',
    direction: 'higher',
    summary:
      'stress-ng cpu (matrixprod) bogo-ops per second of CPU time (usr+sys): per-core speed, insensitive to CPU contention',
  }),
  m('cpu.bogo-ops-per-second', {
    unit: 'ops/s',
    direction: 'higher',
    summary: 'stress-ng cpu bogo-ops per wall-clock second: what the workers actually got, contention included',
  }),
  m('memory.bogo-ops-per-cpu-second', {
    unit: 'ops/s',
    direction: 'higher',
    summary: 'stress-ng vm bogo-ops per second of CPU time: memory bandwidth and page-fault cost per core',
  }),
  m('memory.bogo-ops-per-second', {
    unit: 'ops/s',
    direction: 'higher',
    summary: 'stress-ng vm bogo-ops per wall-clock second',
  }),
  m('disk.randread-iops', {
    unit: 'iops',
    direction: 'higher',
    summary: 'fio 4 KiB random reads, direct I/O, iodepth 16: read IOPS',
  }),
  m('disk.randread-clat-p99', {
    unit: 'ms',
    direction: 'lower',
    summary: 'fio 4 KiB random reads: 99th percentile completion latency',
    minEffectPct: 10,
  }),
  m('disk.randwrite-iops', {
    unit: 'iops',
    direction: 'higher',
    summary: 'fio 4 KiB random writes, direct I/O, iodepth 16: write IOPS',
  }),
  m('disk.randwrite-clat-p99', {
    unit: 'ms',
    direction: 'lower',
    summary: 'fio 4 KiB random writes: 99th percentile completion latency',
    minEffectPct: 10,
  }),
  m('disk.seqread-bandwidth', {
    unit: 'bytes/s',
    direction: 'higher',
    summary: 'fio 1 MiB sequential reads, direct I/O, iodepth 4: bandwidth',
  }),
  m('disk.seqwrite-bandwidth', {
    unit: 'bytes/s',
    direction: 'higher',
    summary: 'fio 1 MiB sequential writes, direct I/O, iodepth 4: bandwidth',
  }),
  m('disk.fdatasync-p99', {
    unit: 'ms',
    direction: 'lower',
    summary:
      "fio etcd test (sequential 2300-byte writes, fdatasync after each): 99th percentile of fdatasync, the WAL's cost",
    minEffectPct: 10,
    gate: { max: 10, source: ETCD_HW },
  }),
  m('net.tcp-throughput', {
    unit: 'bits/s',
    direction: 'higher',
    summary: 'iperf3 TCP, one stream: bits per second received',
  }),
  m('net.tcp-retransmits', {
    unit: 'count',
    direction: 'lower',
    summary: 'iperf3 TCP: segments retransmitted by the sender',
    minEffectPct: 50,
  }),
  m('net.udp-jitter', {
    unit: 'ms',
    direction: 'lower',
    summary: 'iperf3 UDP at the profile rate: jitter seen by the receiver (RFC 1889 estimator)',
    minEffectPct: 25,
  }),
  m('net.udp-loss', {
    unit: 'percent',
    direction: 'lower',
    summary: 'iperf3 UDP at the profile rate: datagrams lost',
    minEffectPct: 50,
  }),
  m('dns.lookup-p50', {
    unit: 'ms',
    direction: 'lower',
    summary: 'name lookup through the resolver (getaddrinfo, so /etc/resolv.conf search and ndots apply): median',
    minEffectPct: 20,
  }),
  m('dns.lookup-p99', {
    unit: 'ms',
    direction: 'lower',
    summary: 'name lookup through the resolver: 99th percentile',
    minEffectPct: 25,
  }),
  m('api.latency-p99-resource', {
    unit: 'ms',
    direction: 'lower',
    summary: 'API probe: 99th percentile latency of resource-scoped calls (GET/CREATE/UPDATE of one object)',
    minEffectPct: 20,
    gate: { max: 1000, source: API_SLO },
  }),
  m('api.latency-p99-namespace', {
    unit: 'ms',
    direction: 'lower',
    summary: 'API probe: 99th percentile latency of namespace-scoped LISTs',
    minEffectPct: 20,
    gate: { max: 5000, source: API_SLO },
  }),
  m('api.latency-p99-cluster', {
    unit: 'ms',
    direction: 'lower',
    summary: 'API probe: 99th percentile latency of cluster-scoped LISTs',
    minEffectPct: 20,
    gate: { max: 30000, source: API_SLO },
  }),
  m('pod.startup-p99', {
    unit: 'ms',
    direction: 'lower',
    summary: 'pod startup latency (created → running, image pull excluded: pre-pulled pause image): 99th percentile',
    minEffectPct: 20,
    gate: { max: 5000, source: POD_SLO },
  }),
  m('scheduler.throughput', {
    unit: 'pods/s',
    direction: 'higher',
    summary: 'pause pods bound per second, from the watch events of N pods created at once',
    minEffectPct: 10,
  }),
];

const BY_ID = new Map(METRICS.map((d) => [d.id, d]));

export const metricDef = (id: string): MetricDef | undefined => BY_ID.get(id);
