/**
 * What generated rules need from a KPI's MetricExpr: the cluster label kept by every aggregation, the window its
 * recording rule uses, its recorded name, and whether a Prometheus holding `present` metric names can measure it.
 */
import type { Kpi } from '../../knowledge/kpis.js';
import type { MetricExpr, Selector } from '../../model/metric-expr.js';
import { formatPromDuration } from '../../model/metric-promql.js';

/** Every aggregation also keeps `label` (a missing label is harmless: it just groups nothing apart). */
export function keepLabel(expr: MetricExpr, label: string): MetricExpr {
  const add = (by: readonly string[]) => (by.includes(label) ? by : [...by, label]);
  switch (expr.kind) {
    case 'counter':
    case 'gauge':
    case 'quantile':
      return { ...expr, by: add(expr.by) };
    case 'ratio':
      return { ...expr, num: keepLabel(expr.num, label), den: keepLabel(expr.den, label) };
    case 'binary':
      return { ...expr, left: keepLabel(expr.left, label), right: keepLabel(expr.right, label) };
    case 'first':
      return { ...expr, options: expr.options.map((o) => keepLabel(o, label)) };
    case 'const':
      return expr;
  }
}

/** Counts "in the window" (leader changes, OOM kills, restarts) are judged over an hour, like diagnose's default. */
export const recordWindowSeconds = (kpi: Kpi): number => (kpi.unit === 'count' ? 3600 : 300);

/** `kubetune:etcd_wal_fsync_p99:5m` (level:metric:operation, as the Prometheus naming guide asks). */
export const recordName = (kpi: Kpi): string =>
  `kubetune:${kpi.id.replace(/-/g, '_')}:${formatPromDuration(recordWindowSeconds(kpi))}`;

const names = (sel: Selector): readonly string[] => (typeof sel.metric === 'string' ? [sel.metric] : sel.metric);

/**
 * The metric names missing for `expr` to return data, or [] when it can: a counter or gauge over several names needs
 * one of them, a histogram its `_bucket` series, a ratio its denominator (a missing numerator is 0), a binary both
 * sides, `first` one alternative.
 */
export function missingMetrics(expr: MetricExpr, present: ReadonlySet<string>): readonly string[] {
  switch (expr.kind) {
    case 'counter':
    case 'gauge': {
      const all = names(expr.sel);
      return all.some((n) => present.has(n)) ? [] : all;
    }
    case 'quantile':
      return present.has(`${expr.histogram}_bucket`) ? [] : [`${expr.histogram}_bucket`];
    case 'ratio':
      return missingMetrics(expr.den, present);
    case 'binary':
      return [...missingMetrics(expr.left, present), ...missingMetrics(expr.right, present)];
    case 'first': {
      const each = expr.options.map((o) => missingMetrics(o, present));
      return each.some((m) => m.length === 0) ? [] : [...new Set(each.flat())];
    }
    case 'const':
      return [];
  }
}

/** Every metric name `expr` reads (histograms as `_bucket`): what discovery asks Prometheus about. */
export function metricNamesOf(expr: MetricExpr): readonly string[] {
  switch (expr.kind) {
    case 'counter':
    case 'gauge':
      return names(expr.sel);
    case 'quantile':
      return [`${expr.histogram}_bucket`];
    case 'ratio':
      return [...new Set([...metricNamesOf(expr.num), ...metricNamesOf(expr.den)])];
    case 'binary':
      return [...new Set([...metricNamesOf(expr.left), ...metricNamesOf(expr.right)])];
    case 'first':
      return [...new Set(expr.options.flatMap(metricNamesOf))];
    case 'const':
      return [];
  }
}

/**
 * Drops the alternatives of every `first(...)` that read a metric `exists` denies (a name removed in the target
 * Kubernetes version, or absent from the target Prometheus), keeping at least one: a fallback that cannot match is
 * dead weight in a recording rule, and kubetune's own lint (promql-metric-unknown) rightly reports it.
 */
export function pruneAlternatives(expr: MetricExpr, exists: (metric: string) => boolean): MetricExpr {
  const go = (e: MetricExpr): MetricExpr => pruneAlternatives(e, exists);
  switch (expr.kind) {
    case 'ratio':
      return { ...expr, num: go(expr.num), den: go(expr.den) };
    case 'binary':
      return { ...expr, left: go(expr.left), right: go(expr.right) };
    case 'first': {
      const options = expr.options.map(go);
      const kept = options.filter((o) => metricNamesOf(o).every(exists));
      const chosen = kept.length ? kept : options;
      return chosen.length === 1 ? chosen[0]! : { ...expr, options: chosen };
    }
    default:
      return expr;
  }
}
