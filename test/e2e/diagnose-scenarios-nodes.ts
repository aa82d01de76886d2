/** Node (prometheus-node-exporter) and workload (cAdvisor, kube-state-metrics, app) series of the diagnose scenarios. */
import type { MetricFamily, TimeRange } from '../support/prometheus.js';
import { counter, cp, gauge, hist, node, tail, type Fault } from './diagnose-series.js';

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

export function* workloads(faults: ReadonlySet<Fault>, r: TimeRange): Generator<MetricFamily> {
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
