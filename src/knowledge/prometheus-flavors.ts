/**
 * Where each Prometheus-compatible server serves the Prometheus HTTP API (`<prefix>/api/v1/query`), for
 * `--prometheus-flavor`. The prefix is added when the URL given has no path of its own.
 * Sources: Prometheus HTTP API (prometheus.io/docs/prometheus/latest/querying/api: under /api/v1);
 * Thanos Query serves the same API at its root (thanos.io/tip/components/query.md);
 * Grafana Mimir: `-http.prometheus-http-prefix`, default "/prometheus" (grafana.com/docs/mimir/latest/references/http-api);
 * VictoriaMetrics single-node: /api/v1 at the root (also under /prometheus); cluster vmselect:
 * /select/<accountID>/prometheus (docs.victoriametrics.com/cluster-victoriametrics, URL format), tenant 0 here.
 */
export interface PrometheusFlavor {
  readonly name: 'prometheus' | 'thanos' | 'mimir' | 'victoriametrics' | 'victoriametrics-cluster';
  readonly prefix: string;
}

export const PROMETHEUS_FLAVORS: readonly PrometheusFlavor[] = [
  { name: 'prometheus', prefix: '' },
  { name: 'thanos', prefix: '' },
  { name: 'mimir', prefix: '/prometheus' },
  { name: 'victoriametrics', prefix: '' },
  { name: 'victoriametrics-cluster', prefix: '/select/0/prometheus' },
];

export type PrometheusFlavorName = PrometheusFlavor['name'];

/** The URL the API is under: `url` with the flavor's prefix when `url` has no path. */
export function apiBase(url: string, flavor: PrometheusFlavorName = 'prometheus'): string {
  const prefix = PROMETHEUS_FLAVORS.find((f) => f.name === flavor)?.prefix ?? '';
  const parsed = new URL(url);
  if (!prefix || (parsed.pathname !== '/' && parsed.pathname !== '')) return url;
  return url.replace(/\/+$/, '') + prefix;
}
