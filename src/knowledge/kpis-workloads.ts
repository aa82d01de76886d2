/** Workload, kubelet and CoreDNS KPIs (cAdvisor, kube-state-metrics, kubelet, CoreDNS). See kpis.ts. */
import { binary, first, gauge, increase, quantile, rate, ratio } from '../model/metric-expr.js';
import type { Kpi } from './kpis.js';

const GUIDE = 'https://github.com/kubetune/kubetune/blob/main/docs/diagnose.md#thresholds';
const C = 'container!="",container!="POD"';
/** cAdvisor series are per kubelet: keeping `instance` lets a container be joined with its node. */
const CONTAINER = ['namespace', 'pod', 'container', 'instance'];
const SLO_POD = 'https://github.com/kubernetes/community/blob/master/sig-scalability/slos/pod_startup_latency.md';
const same = <T>(v: T) => ({ guide: v, strict: v, 'upstream-slo': v });

const CONTAINERS: readonly Kpi[] = [
  {
    id: 'container-cpu-throttling',
    title: 'Container CPU throttling (throttled CFS periods)',
    component: 'cadvisor',
    bottleneck: 'cpu',
    subject: 'pod',
    unit: 'ratio',
    expr: ratio(
      rate(`container_cpu_cfs_throttled_periods_total{${C}}`, CONTAINER),
      rate(`container_cpu_cfs_periods_total{${C}}`, CONTAINER),
    ),
    levels: { guide: { P0: 0.5, P1: 0.25 }, strict: { P0: 0.25, P1: 0.1 }, 'upstream-slo': { P0: 0.5, P1: 0.25 } },
    metrics: ['container_cpu_cfs_throttled_periods_total', 'container_cpu_cfs_periods_total'],
    source: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
    remediation:
      'Raise or remove the CPU limit (keep the request from observed p95); match GOMAXPROCS/-XX:ActiveProcessorCount/worker counts to the limit.',
  },
  {
    id: 'container-cpu-vs-limit',
    title: 'Container CPU usage vs its CPU limit',
    component: 'cadvisor',
    bottleneck: 'cpu',
    subject: 'pod',
    unit: 'ratio',
    expr: ratio(
      rate(`container_cpu_usage_seconds_total{${C}}`, CONTAINER),
      binary(
        '/',
        gauge(`container_spec_cpu_quota{${C}}`, { by: CONTAINER, agg: 'max', over: 'last' }),
        gauge(`container_spec_cpu_period{${C}}`, { by: CONTAINER, agg: 'max', over: 'last' }),
      ),
    ),
    levels: { guide: { P2: 0.9 }, strict: { P1: 0.9, P2: 0.8 }, 'upstream-slo': { P2: 0.9 } },
    metrics: ['container_cpu_usage_seconds_total', 'container_spec_cpu_quota', 'container_spec_cpu_period'],
    source: GUIDE,
    remediation: 'The container runs at its CPU limit: raise the limit to ~1.5x the observed peak (guide §2).',
  },
  {
    id: 'container-memory-vs-limit',
    title: 'Container working set vs its memory limit (peak)',
    component: 'cadvisor',
    bottleneck: 'memory',
    subject: 'pod',
    unit: 'ratio',
    expr: ratio(
      gauge(`container_memory_working_set_bytes{${C}}`, { by: CONTAINER, agg: 'max', over: 'max' }),
      gauge(`container_spec_memory_limit_bytes{${C}}`, { by: CONTAINER, agg: 'max', over: 'last' }),
    ),
    levels: { guide: { P1: 0.9 }, strict: { P1: 0.8 }, 'upstream-slo': { P1: 0.9 } },
    metrics: ['container_memory_working_set_bytes', 'container_spec_memory_limit_bytes'],
    source: GUIDE,
    remediation:
      'Raise the memory limit to ~1.5x the observed peak, or cap the runtime heap (-XX:MaxRAMPercentage, GOMEMLIMIT).',
  },
  {
    id: 'container-oom-kills',
    title: 'Container OOM kills in the window',
    component: 'cadvisor',
    bottleneck: 'memory',
    subject: 'pod',
    unit: 'count',
    expr: increase(`container_oom_events_total{${C}}`, CONTAINER),
    levels: same({ P0: 0.5 }),
    metrics: ['container_oom_events_total'],
    source: GUIDE,
    remediation:
      'Raise the memory limit above the observed peak; make the runtime aware of it (heap ≈ 75% of the limit).',
  },
  {
    id: 'container-restarts',
    title: 'Container restarts in the window',
    component: 'kube-state-metrics',
    bottleneck: 'workload',
    subject: 'pod',
    unit: 'count',
    expr: increase('kube_pod_container_status_restarts_total', ['namespace', 'pod', 'container']),
    levels: same({ P1: 3, P2: 0.5 }),
    metrics: ['kube_pod_container_status_restarts_total'],
    source: GUIDE,
    remediation: 'Check the last termination reason (OOMKilled, probe failures); give slow starters a startupProbe.',
  },
  {
    id: 'service-latency-p99',
    title: 'Service HTTP latency p99 (application metrics)',
    component: 'application',
    bottleneck: 'workload',
    subject: 'pod',
    unit: 'seconds',
    expr: first(
      quantile(0.99, 'http_server_request_duration_seconds', ['namespace', 'pod']),
      quantile(0.99, 'http_request_duration_seconds', ['namespace', 'pod']),
    ),
    levels: { guide: { P1: 0.5 }, strict: { P1: 0.5, P2: 0.2 }, 'upstream-slo': { P1: 0.5 } },
    metrics: ['http_server_request_duration_seconds', 'http_request_duration_seconds'],
    source: GUIDE,
    remediation: 'Follow the chain: CPU throttling, memory pressure or a slow dependency of the pod.',
  },
];

const KUBELET_AND_DNS: readonly Kpi[] = [
  {
    id: 'kubelet-pod-start-p99',
    title: 'Pod startup latency p99 (kubelet SLI, excludes image pulls)',
    component: 'kubelet',
    bottleneck: 'kubelet',
    subject: 'component',
    unit: 'seconds',
    expr: quantile(0.99, 'kubelet_pod_start_sli_duration_seconds'),
    levels: { guide: { P1: 30 }, strict: { P1: 30, P2: 5 }, 'upstream-slo': { P1: 5 } },
    metrics: ['kubelet_pod_start_sli_duration_seconds'],
    since: '1.26',
    source: SLO_POD,
    remediation: 'See runtime operation latency and node disk findings; set serializeImagePulls: false.',
  },
  {
    id: 'kubelet-pleg-relist-p99',
    title: 'Kubelet PLEG relist p99',
    component: 'kubelet',
    bottleneck: 'kubelet',
    subject: 'node',
    unit: 'seconds',
    expr: quantile(0.99, 'kubelet_pleg_relist_duration_seconds', ['instance']),
    levels: { guide: { P0: 3, P1: 1 }, strict: { P0: 3, P1: 0.5 }, 'upstream-slo': { P0: 3, P1: 1 } },
    metrics: ['kubelet_pleg_relist_duration_seconds'],
    source:
      'https://github.com/kubernetes/community/blob/master/contributors/design-proposals/node/pod-lifecycle-event-generator.md',
    remediation: 'Too many containers per node or a slow runtime: lower maxPods, check node CPU and disk.',
  },
  {
    id: 'kubelet-runtime-op-p99',
    title: 'Container runtime operation latency p99 (excluding image pulls)',
    component: 'kubelet',
    bottleneck: 'kubelet',
    subject: 'component',
    unit: 'seconds',
    expr: quantile(0.99, 'kubelet_runtime_operations_duration_seconds{operation_type!~"pull_image|exec_sync|exec"}', [
      'operation_type',
    ]),
    levels: { guide: { P1: 10, P2: 2 }, strict: { P1: 2 }, 'upstream-slo': { P1: 10, P2: 2 } },
    metrics: ['kubelet_runtime_operations_duration_seconds'],
    source: GUIDE,
    remediation: 'Slow container creation usually means slow disk (overlayfs snapshotter) or an overloaded runtime.',
  },
  {
    id: 'coredns-latency-p99',
    title: 'CoreDNS request latency p99',
    component: 'coredns',
    bottleneck: 'dns',
    subject: 'component',
    unit: 'seconds',
    expr: quantile(0.99, 'coredns_dns_request_duration_seconds', ['server']),
    levels: { guide: { P1: 0.1, P2: 0.05 }, strict: { P1: 0.05 }, 'upstream-slo': { P1: 0.1 } },
    metrics: ['coredns_dns_request_duration_seconds'],
    source: 'https://coredns.io/plugins/metrics/',
    remediation: 'Scale CoreDNS, enable NodeLocal DNSCache, lower ndots for chatty clients.',
  },
  {
    id: 'coredns-servfail-ratio',
    title: 'CoreDNS SERVFAIL responses',
    component: 'coredns',
    bottleneck: 'dns',
    subject: 'component',
    unit: 'ratio',
    expr: ratio(rate('coredns_dns_responses_total{rcode="SERVFAIL"}'), rate('coredns_dns_responses_total')),
    levels: same({ P1: 0.01 }),
    metrics: ['coredns_dns_responses_total'],
    source: 'https://coredns.io/plugins/metrics/',
    remediation: 'Check the upstream resolvers and the forward plugin; look for timeouts in CoreDNS logs.',
  },
];

export const WORKLOAD_KPIS: readonly Kpi[] = [...CONTAINERS, ...KUBELET_AND_DNS];
