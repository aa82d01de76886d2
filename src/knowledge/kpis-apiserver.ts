/** kube-apiserver KPIs: latency by scope, load, errors, throttling, API Priority and Fairness. See kpis.ts. */
import { binary, constant, first, gauge, increase, quantile, rate, ratio } from '../model/metric-expr.js';
import type { Kpi } from './kpis.js';

const GUIDE = 'https://github.com/kubetune/kubetune/blob/main/docs/diagnose.md#thresholds';
const SLO_API = 'https://github.com/kubernetes/community/blob/master/sig-scalability/slos/api_call_latency.md';
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
export const APISERVER_KPIS: readonly Kpi[] = [
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
