import { compareVersions, parseKubeVersion, type KubeVersion } from '../core/version.js';
import { METRIC_CAPTURES } from './metrics-catalogue-data.js';

/** Metric families seen in real scrapes of Kubernetes components, per Kubernetes version (see metrics-catalogue-data.ts). */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

const TYPES: Readonly<Record<string, MetricType>> = {
  c: 'counter',
  g: 'gauge',
  h: 'histogram',
  s: 'summary',
  u: 'untyped',
};

export interface MetricFamily {
  readonly family: string;
  readonly type: MetricType;
  readonly components: readonly string[];
}

const byVersion = new Map<string, Map<string, MetricFamily>>();
for (const c of METRIC_CAPTURES) {
  const map = byVersion.get(c.kubernetes) ?? new Map<string, MetricFamily>();
  byVersion.set(c.kubernetes, map);
  for (const entry of c.families.split(' ')) {
    const i = entry.lastIndexOf(':');
    const family = entry.slice(0, i);
    const prev = map.get(family);
    map.set(family, {
      family,
      type: TYPES[entry.slice(i + 1)] ?? 'untyped',
      components: [...(prev?.components ?? []), c.component],
    });
  }
}

/** Kubernetes versions with captures, ascending. */
export const CATALOGUE_VERSIONS: readonly string[] = [...byVersion.keys()].sort((a, b) =>
  compareVersions(parseKubeVersion(a)!, parseKubeVersion(b)!),
);

/**
 * Metric name prefixes owned by the captured components: only these are judged missing. Others (node_, process_, go_,
 * kubelet_, application metrics) come from components without a capture.
 */
export const JUDGED_PREFIXES: readonly string[] = [
  'apiserver_',
  'etcd_',
  'scheduler_',
  'kube_',
  'container_',
  'machine_',
  'workqueue_',
  'rest_client_',
];

/**
 * Whether `name` can be judged against the capture of `version`. kube-state-metrics only exposes the resources it is
 * configured for (the captures have no PodDisruptionBudget or Ingress families) and its own kube_state_metrics_*
 * telemetry on another port, so a kube_<resource>_* name is judged only when the capture has that resource.
 */
/**
 * Families the captured components do expose, but a single capture cannot show: label vectors that appear only once
 * a first observation is made, and per-peer series of a multi-member etcd (the captures are of one member).
 */
export const UNCAPTURED_FAMILIES: Readonly<Record<string, string>> = {
  apiserver_flowcontrol_rejected_requests_total:
    'a CounterVec by flow_schema/priority_level/reason: appears at the first APF rejection (k8s.io/apiserver pkg/util/flowcontrol/metrics)',
  etcd_network_peer_round_trip_time_seconds:
    'a HistogramVec by peer (To): a single-member etcd has no peers (etcd server/etcdserver/api/rafthttp/metrics.go)',
};

export function isJudgedMetric(name: string, version: string): boolean {
  if (name.includes(':') || !JUDGED_PREFIXES.some((p) => name.startsWith(p))) return false;
  if (UNCAPTURED_FAMILIES[name.replace(/_(bucket|sum|count)$/, '')] !== undefined) return false;
  if (!name.startsWith('kube_')) return true;
  if (name.startsWith('kube_state_metrics_')) return false;
  const group = name.split('_').slice(0, 2).join('_') + '_';
  return [...(byVersion.get(version)?.keys() ?? [])].some((f) => f.startsWith(group));
}

/** The capture that stands for `v`: the newest one not after it, else the oldest. */
export function captureVersionFor(v: KubeVersion): string | undefined {
  const candidates = CATALOGUE_VERSIONS.filter((c) => compareVersions(parseKubeVersion(c)!, { ...v, patch: 0 }) <= 0);
  return candidates[candidates.length - 1] ?? CATALOGUE_VERSIONS[0];
}

const SERIES_SUFFIXES = ['_bucket', '_sum', '_count', '_created'] as const;

/** The family a series name belongs to (`x_bucket` → histogram `x`), in one captured version. */
export function lookupMetric(series: string, version: string): MetricFamily | undefined {
  const map = byVersion.get(version);
  if (!map) return undefined;
  const exact = map.get(series);
  if (exact) return exact;
  for (const s of SERIES_SUFFIXES) {
    if (!series.endsWith(s)) continue;
    const f = map.get(series.slice(0, -s.length));
    if (f && (f.type === 'histogram' || f.type === 'summary') && (s !== '_bucket' || f.type === 'histogram')) return f;
  }
  return undefined;
}

/** The type of a series in any captured version (types do not change between versions in practice). */
export function metricTypeOf(series: string): MetricType | undefined {
  for (const v of [...CATALOGUE_VERSIONS].reverse()) {
    const f = lookupMetric(series, v);
    if (f)
      return series.endsWith('_bucket') || series.endsWith('_sum') || series.endsWith('_count')
        ? f.family === series
          ? f.type
          : 'counter'
        : f.type;
  }
  return undefined;
}
