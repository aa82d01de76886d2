/**
 * Declared PromQL: one expression per statistic, evaluated as an instant query at the end of the window and
 * aggregated by (namespace, pod, container) inside Prometheus. The collector runs each one per namespace (and pod
 * chunk when a namespace is large) — never per container.
 *
 * CPU usage is `irate` (the last two samples of a window of three resolution steps) evaluated every resolution step:
 * with a 1-minute scrape it is exactly the per-minute usage, with a finer scrape a sample of short-term rates (never
 * smoothed below what the container really drew). The statistic is taken per cAdvisor series and the worst series of a
 * container wins (a restarted container has a new series): aggregating inside the subquery would cost an aggregation
 * per step and series, 3-6× the whole query on a real Prometheus (measured, bench/rightsize.ts).
 */
import type { StatName } from './types.js';

export interface QueryScope {
  /** Label matchers without braces, e.g. `namespace="shop",pod=~"a-1|a-2"`. */
  readonly matchers: string;
  readonly windowSeconds: number;
  readonly resolutionSeconds: number;
  /**
   * A recorded per-container CPU rate covering the window (one of CPU_RECORDING_RULES): CPU statistics are then plain
   * `*_over_time` over stored samples instead of a per-minute `irate` subquery (3× cheaper in Prometheus, measured).
   */
  readonly cpuRecorded?: string | undefined;
  /** The quantile of the request statistic `cpuP95` (`--cpu-percentile`, default 0.95). */
  readonly cpuPercentile?: number;
}

/**
 * Recording rules of the per-container CPU rate, best first: kube-prometheus / kubernetes-mixin (and kubetune) record
 * `sum by (cluster, namespace, pod, container) (irate(container_cpu_usage_seconds_total{...}[5m]))` at every rule
 * evaluation (source: kubernetes-mixin rules/apps.libsonnet, group `k8s.rules.container_cpu_usage_seconds_total`).
 */
export const CPU_RECORDING_RULES = [
  'node_namespace_pod_container:container_cpu_usage_seconds_total:sum_irate',
  // kubetune's own (`kubetune generate rules`: src/generate/monitoring/rightsize-rules.ts), the same expression
  'kubetune:container_cpu_usage_seconds:irate5m',
] as const;

export const BY = 'namespace, pod, container';
const CONTAINER = 'container!="",container!="POD"';

const sel = (metric: string, s: QueryScope, extra = ''): string =>
  `${metric}{${[s.matchers, CONTAINER, extra].filter(Boolean).join(',')}}`;
const w = (s: QueryScope): string => `${s.windowSeconds}s`;

const cpuRate = (s: QueryScope): string =>
  `irate(${sel('container_cpu_usage_seconds_total', s)}[${3 * s.resolutionSeconds}s])`;
/** The per-minute CPU rate as a range: the recorded series when there is one, else an `irate` subquery. */
const cpuRange = (s: QueryScope): string =>
  s.cpuRecorded ? `${s.cpuRecorded}{${s.matchers}}[${w(s)}]` : `${cpuRate(s)}[${w(s)}:${s.resolutionSeconds}s]`;
const cpuOverTime = (fn: string, s: QueryScope): string => `max by (${BY}) (${fn}(${cpuRange(s)}))`;
const cpuQuantile = (q: number) => (s: QueryScope) => `max by (${BY}) (quantile_over_time(${q}, ${cpuRange(s)}))`;
const mem = (s: QueryScope): string => sel('container_memory_working_set_bytes', s);
const ksm = (metric: string, resource: string) => (s: QueryScope) =>
  `max by (${BY}) (last_over_time(${sel(metric, s, `resource="${resource}"`)}[${w(s)}]))`;
const oomKills = (s: QueryScope): string =>
  `(sum by (${BY}) (increase(${sel('container_oom_events_total', s)}[${w(s)}])) > 0)` +
  ` or (max by (${BY}) (max_over_time(${sel('kube_pod_container_status_last_terminated_reason', s, 'reason="OOMKilled"')}[${w(s)}])) > 0)`;

const DAY = 86_400;
/**
 * p90 of the daily peaks (the VPA recommender's memory basis): rolling 24-hour maxima that lie wholly inside the
 * window, sampled every hour (6 hours beyond 3 days of them). Day-aligned subquery steps would take maxima over
 * partial days at the edges of the window — for a one-day window, the first sample alone.
 */
function dailyPeakP90(s: QueryScope): string {
  if (s.windowSeconds <= DAY) return `max by (${BY}) (max_over_time(${mem(s)}[${w(s)}]))`;
  const span = s.windowSeconds - DAY;
  const step = span <= 3 * DAY ? 3600 : 6 * 3600;
  return `quantile_over_time(0.9, max by (${BY}) (max_over_time(${mem(s)}[1d]))[${span}s:${step}s])`;
}

/** The expression of every statistic. */
export const STAT_QUERIES: Readonly<Record<StatName, (s: QueryScope) => string>> = {
  cpuP50: cpuQuantile(0.5),
  cpuP90: cpuQuantile(0.9),
  cpuP95: (s) => cpuQuantile(s.cpuPercentile ?? 0.95)(s),
  cpuP99: cpuQuantile(0.99),
  cpuMax: (s) => cpuOverTime('max_over_time', s),
  memP50: (s) => `max by (${BY}) (quantile_over_time(0.5, ${mem(s)}[${w(s)}]))`,
  memP95: (s) => `max by (${BY}) (quantile_over_time(0.95, ${mem(s)}[${w(s)}]))`,
  memMax: (s) => `max by (${BY}) (max_over_time(${mem(s)}[${w(s)}]))`,
  memDailyPeakP90: dailyPeakP90,
  memPoints: (s) => `sum by (${BY}) (count_over_time(${mem(s)}[${w(s)}]))`,
  throttledShare: (s) =>
    `sum by (${BY}) (increase(${sel('container_cpu_cfs_throttled_periods_total', s)}[${w(s)}]))` +
    ` / sum by (${BY}) (increase(${sel('container_cpu_cfs_periods_total', s)}[${w(s)}]))`,
  oomKills,
  oomLimit: (s) =>
    `max by (${BY}) (max_over_time(${sel('kube_pod_container_resource_limits', s, 'resource="memory"')}[${w(s)}]))` +
    ` and on (${BY}) (${oomKills(s)})`,
  restarts: (s) => `max by (${BY}) (increase(${sel('kube_pod_container_status_restarts_total', s)}[${w(s)}]))`,
  cpuRequest: ksm('kube_pod_container_resource_requests', 'cpu'),
  cpuLimit: ksm('kube_pod_container_resource_limits', 'cpu'),
  memRequest: ksm('kube_pod_container_resource_requests', 'memory'),
  memLimit: ksm('kube_pod_container_resource_limits', 'memory'),
};

/** Prometheus answers CPU in cores; the model uses millicores. */
export const STAT_SCALE: Readonly<Partial<Record<StatName, number>>> = {
  cpuP50: 1000,
  cpuP90: 1000,
  cpuP95: 1000,
  cpuP99: 1000,
  cpuMax: 1000,
  cpuRequest: 1000,
  cpuLimit: 1000,
};

/** Statistics read from kube-state-metrics to learn the current spec when no manifest is given. */
export const SPEC_STATS: readonly StatName[] = ['cpuRequest', 'cpuLimit', 'memRequest', 'memLimit'];

/** Range expressions for the backtest replay (per pod and container, at the resolution step). */
export const REPLAY_QUERIES = {
  cpu: (s: QueryScope): string => `sum by (${BY}) (${cpuRate(s)})`,
  memory: (s: QueryScope): string => `max by (${BY}) (${mem(s)})`,
} as const;

/** Series discovery selector (the series API reads the index, not samples). */
export const discoverySelector = (namespaces: readonly string[] | undefined): string =>
  `container_memory_working_set_bytes{${CONTAINER}${namespaces?.length ? `,namespace=~"${namespaces.map(escapeRegex).join('|')}"` : ''}}`;

/** Series selector of a recorded CPU rate (the series API, index only). */
export const recordedSelector = (rule: string, namespaces: readonly string[] | undefined): string =>
  `${rule}{container!=""${namespaces?.length ? `,namespace=~"${namespaces.map(escapeRegex).join('|')}"` : ''}}`;

/** Owners and init containers as kube-state-metrics exports them (read through the series API). */
export const OWNER_SELECTORS = [
  'kube_horizontalpodautoscaler_info',
  'kube_pod_owner',
  'kube_replicaset_owner',
  'kube_job_owner',
  'kube_pod_init_container_info',
] as const;

/** RE2-escapes a literal and escapes it again for a double-quoted PromQL string. */
export function escapeRegex(literal: string): string {
  return literal
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"');
}

/** Matchers selecting these pods of a namespace (`pod=~` only when the namespace is split into chunks). */
export function chunkMatchers(namespace: string, pods: readonly string[] | undefined): string {
  const ns = `namespace="${namespace.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return pods ? `${ns},pod=~"${pods.map(escapeRegex).join('|')}"` : ns;
}

/** HPA resource targets as kube-state-metrics exports them (utilisation in percent), one small cluster-wide query. */
export const hpaTargetsQuery = (windowSeconds: number): string =>
  'max by (namespace, horizontalpodautoscaler, metric_name) (last_over_time(' +
  `kube_horizontalpodautoscaler_spec_target_metric{metric_target_type="utilization"}[${windowSeconds}s]))`;
