/** Node KPIs from prometheus-node-exporter (per node, aggregated by `instance`). See kpis.ts. */
import { binary, constant, gauge, rate, ratio } from '../model/metric-expr.js';
import type { Kpi } from './kpis.js';

const GUIDE = 'https://github.com/kubetune/kubetune/blob/main/docs/diagnose.md#thresholds';
const USE = 'https://www.brendangregg.com/USEmethod/use-linux.html';
const DISKS = 'device!~"loop.*|ram.*|fd.*|sr.*"';
const NICS = 'device!~"lo|veth.*|cali.*|cilium.*|lxc.*|flannel.*|cni.*|docker.*|virbr.*|tunl.*|vxlan.*"';
const same = <T>(v: T) => ({ guide: v, strict: v, 'upstream-slo': v });
const cpu = (modes: string) => rate(`node_cpu_seconds_total{mode=~"${modes}"}`, ['instance']);
const allCpu = rate('node_cpu_seconds_total', ['instance']);

export const NODE_KPIS: readonly Kpi[] = [
  {
    id: 'node-cpu-utilisation',
    title: 'Node CPU utilisation',
    component: 'node-exporter',
    bottleneck: 'cpu',
    subject: 'node',
    unit: 'ratio',
    expr: ratio(rate('node_cpu_seconds_total{mode!~"idle|iowait|steal"}', ['instance']), allCpu),
    levels: { guide: { P0: 0.8 }, strict: { P0: 0.8, P1: 0.7 }, 'upstream-slo': { P0: 0.8 } },
    metrics: ['node_cpu_seconds_total'],
    source: GUIDE,
    remediation: 'Rightsize CPU requests so the scheduler spreads load; add nodes; check kubeReserved/systemReserved.',
  },
  {
    id: 'node-load-per-cpu',
    title: 'Node 5-minute load average per CPU',
    component: 'node-exporter',
    bottleneck: 'cpu',
    subject: 'node',
    unit: 'ratio',
    expr: ratio(
      gauge('node_load5', { by: ['instance'], agg: 'max', over: 'avg' }),
      gauge('node_cpu_seconds_total{mode="idle"}', { by: ['instance'], agg: 'count', over: 'last' }),
    ),
    levels: { guide: { P1: 1.5 }, strict: { P1: 1 }, 'upstream-slo': { P1: 1.5 } },
    metrics: ['node_load5', 'node_cpu_seconds_total'],
    source: USE,
    remediation:
      'A run queue longer than the CPU count means saturation (or D-state IO waits): see CPU and iowait findings.',
  },
  {
    id: 'node-memory-utilisation',
    title: 'Node memory utilisation (1 - MemAvailable / MemTotal, at its lowest)',
    component: 'node-exporter',
    bottleneck: 'memory',
    subject: 'node',
    unit: 'ratio',
    expr: binary(
      '-',
      constant(1),
      ratio(
        gauge('node_memory_MemAvailable_bytes', { by: ['instance'], agg: 'min', over: 'min' }),
        gauge('node_memory_MemTotal_bytes', { by: ['instance'], agg: 'max', over: 'last' }),
      ),
    ),
    levels: { guide: { P0: 0.85 }, strict: { P0: 0.85, P1: 0.75 }, 'upstream-slo': { P0: 0.9 } },
    metrics: ['node_memory_MemAvailable_bytes', 'node_memory_MemTotal_bytes'],
    source: GUIDE,
    remediation: 'Set memory requests from observed usage (rightsize), set evictionHard/kubeReserved, add nodes.',
  },
  {
    id: 'node-major-page-faults',
    title: 'Node major page faults per second',
    component: 'node-exporter',
    bottleneck: 'memory',
    subject: 'node',
    unit: 'per-second',
    expr: rate('node_vmstat_pgmajfault', ['instance']),
    levels: same({ P1: 1000, P2: 100 }),
    metrics: ['node_vmstat_pgmajfault'],
    source: USE,
    remediation: 'Sustained major faults mean the page cache is being evicted under memory pressure: see node memory.',
  },
  {
    id: 'node-iowait',
    title: 'Node CPU time in iowait',
    component: 'node-exporter',
    bottleneck: 'disk-io',
    subject: 'node',
    unit: 'ratio',
    expr: ratio(cpu('iowait'), allCpu),
    levels: { guide: { P1: 0.3, P2: 0.1 }, strict: { P1: 0.1 }, 'upstream-slo': { P1: 0.3 } },
    metrics: ['node_cpu_seconds_total'],
    source: GUIDE,
    remediation:
      'Find the saturated device (disk await and utilisation findings); move IO-heavy pods or use faster volumes.',
  },
  {
    id: 'node-disk-await',
    title: 'Node disk average IO latency (await)',
    component: 'node-exporter',
    bottleneck: 'disk-io',
    subject: 'node',
    unit: 'seconds',
    expr: ratio(
      rate(`node_disk_read_time_seconds_total|node_disk_write_time_seconds_total{${DISKS}}`, ['instance', 'device']),
      rate(`node_disk_reads_completed_total|node_disk_writes_completed_total{${DISKS}}`, ['instance', 'device']),
    ),
    levels: { guide: { P1: 0.05, P2: 0.02 }, strict: { P1: 0.01 }, 'upstream-slo': { P1: 0.05 } },
    metrics: [
      'node_disk_read_time_seconds_total',
      'node_disk_write_time_seconds_total',
      'node_disk_reads_completed_total',
    ],
    source: GUIDE,
    remediation: 'Use SSD/NVMe (or provisioned IOPS) for this device; keep etcd and image/log IO on separate disks.',
  },
  {
    id: 'node-disk-utilisation',
    title: 'Node disk busy time (utilisation)',
    component: 'node-exporter',
    bottleneck: 'disk-io',
    subject: 'node',
    unit: 'ratio',
    expr: rate(`node_disk_io_time_seconds_total{${DISKS}}`, ['instance', 'device']),
    levels: { guide: { P1: 0.9, P2: 0.8 }, strict: { P1: 0.8 }, 'upstream-slo': { P1: 0.9 } },
    metrics: ['node_disk_io_time_seconds_total'],
    source: USE,
    remediation: 'The device is saturated: spread IO-heavy pods, add IOPS, or move logs/images off the device.',
  },
  {
    id: 'node-network-drop-ratio',
    title: 'Node network packets dropped',
    component: 'node-exporter',
    bottleneck: 'network',
    subject: 'node',
    unit: 'ratio',
    expr: ratio(
      rate(`node_network_receive_drop_total|node_network_transmit_drop_total{${NICS}}`, ['instance']),
      rate(`node_network_receive_packets_total|node_network_transmit_packets_total{${NICS}}`, ['instance']),
    ),
    levels: same({ P1: 0.001 }),
    metrics: [
      'node_network_receive_drop_total',
      'node_network_transmit_drop_total',
      'node_network_receive_packets_total',
    ],
    source: GUIDE,
    remediation: 'Raise net.core.netdev_max_backlog and NIC ring buffers; check MTU and link saturation.',
  },
  {
    id: 'node-network-error-ratio',
    title: 'Node network errors',
    component: 'node-exporter',
    bottleneck: 'network',
    subject: 'node',
    unit: 'ratio',
    expr: ratio(
      rate(`node_network_receive_errs_total|node_network_transmit_errs_total{${NICS}}`, ['instance']),
      rate(`node_network_receive_packets_total|node_network_transmit_packets_total{${NICS}}`, ['instance']),
    ),
    levels: same({ P1: 0.001 }),
    metrics: ['node_network_receive_errs_total', 'node_network_transmit_errs_total'],
    source: GUIDE,
    remediation: 'Check the NIC, cabling/virtual switch and MTU (1450 for VXLAN overlays).',
  },
  {
    id: 'node-conntrack-usage',
    title: 'Node conntrack table usage',
    component: 'node-exporter',
    bottleneck: 'network',
    subject: 'node',
    unit: 'ratio',
    expr: ratio(
      gauge('node_nf_conntrack_entries', { by: ['instance'], agg: 'max', over: 'max' }),
      gauge('node_nf_conntrack_entries_limit', { by: ['instance'], agg: 'max', over: 'last' }),
    ),
    levels: same({ P0: 0.95, P1: 0.8 }),
    metrics: ['node_nf_conntrack_entries', 'node_nf_conntrack_entries_limit'],
    source: 'https://kubernetes.io/docs/reference/networking/virtual-ips/',
    remediation:
      'Raise net.netfilter.nf_conntrack_max (kube-proxy conntrack.maxPerCore) and shorten TIME_WAIT timeouts.',
  },
];
