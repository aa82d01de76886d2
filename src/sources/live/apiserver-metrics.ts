import type { KubeObject } from '../../model/object.js';

/** The kind the live source records what it learnt from the API server's /metrics as (kept in snapshots). */
export const APISERVER_METRICS_API_VERSION = 'kubetune.io/v1alpha1';
export const APISERVER_METRICS_KIND = 'APIServerMetrics';

export interface DeprecatedApiUse {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  readonly subresource: string;
  readonly removedRelease: string;
}

export interface LatencyBucket {
  /** Upper bound in seconds; `+Inf` for the last bucket. */
  readonly le: string;
  readonly count: number;
}

/** Verbs left out of request latency: long-running by design. */
const LONG_RUNNING_VERBS = new Set(['WATCH', 'WATCHLIST', 'CONNECT']);
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * Reads the API server's Prometheus text: which deprecated APIs were requested since it started
 * (`apiserver_requested_deprecated_apis`) and the request-latency histogram of short requests, summed over verbs.
 */
export function parseApiServerMetrics(text: string, server: string): KubeObject {
  const deprecated: DeprecatedApiUse[] = [];
  const buckets = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    if (line.startsWith('apiserver_requested_deprecated_apis')) {
      const s = parseSample(line);
      if (s?.name === 'apiserver_requested_deprecated_apis' && s.value > 0) deprecated.push(deprecatedUse(s.labels));
    } else if (line.startsWith('apiserver_request_duration_seconds_bucket')) {
      const s = parseSample(line);
      const le = s?.labels['le'];
      if (!s || le === undefined || LONG_RUNNING_VERBS.has(s.labels['verb'] ?? '')) continue;
      buckets.set(le, (buckets.get(le) ?? 0) + s.value);
    }
  }
  const histogram = [...buckets].map(([le, count]) => ({ le, count })).sort((a, b) => leNumber(a.le) - leNumber(b.le));
  const p99 = histogramQuantile(0.99, histogram);
  return {
    apiVersion: APISERVER_METRICS_API_VERSION,
    kind: APISERVER_METRICS_KIND,
    metadata: { name: 'kube-apiserver', annotations: { 'kubetune.io/server': server } },
    deprecatedAPIs: deprecated,
    requestDuration: { sinceStart: true, buckets: histogram, ...(p99 !== undefined ? { p99Seconds: p99 } : {}) },
  };
}

function parseSample(line: string): { name: string; labels: Record<string, string>; value: number } | undefined {
  const m = SAMPLE.exec(line);
  if (!m?.[1] || m[3] === undefined) return undefined;
  const labels: Record<string, string> = {};
  for (const l of (m[2] ?? '').matchAll(LABEL))
    if (l[1] !== undefined) labels[l[1]] = (l[2] ?? '').replace(/\\(.)/g, '$1');
  const value = Number(m[3]);
  return Number.isFinite(value) ? { name: m[1], labels, value } : undefined;
}

const deprecatedUse = (l: Record<string, string>): DeprecatedApiUse => ({
  group: l['group'] ?? '',
  version: l['version'] ?? '',
  resource: l['resource'] ?? '',
  subresource: l['subresource'] ?? '',
  removedRelease: l['removed_release'] ?? '',
});

const leNumber = (le: string): number => (le === '+Inf' ? Infinity : Number(le));

/** `histogram_quantile` over cumulative buckets, linear inside a bucket as Prometheus does. */
export function histogramQuantile(q: number, buckets: readonly LatencyBucket[]): number | undefined {
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0 || buckets.length < 2) return undefined;
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const b of buckets) {
    const le = leNumber(b.le);
    if (b.count >= rank) {
      if (!Number.isFinite(le)) return prevLe;
      return prevLe + (le - prevLe) * ((rank - prevCount) / Math.max(b.count - prevCount, 1e-9));
    }
    prevLe = le;
    prevCount = b.count;
  }
  return prevLe;
}
