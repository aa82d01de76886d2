/**
 * One alerting rule per KPI and profile level, on the KPI's recorded series. Exactly one level fires for a series —
 * the highest it crosses, as diagnose judges (`x > P1 <= P0` for the lower band) — so a page and a diagnose finding
 * always carry the same priority.
 */
import { formatKpiValue } from '../../analyzers/format.js';
import { DOCS_BASE, type Priority } from '../../engine/types.js';
import type { Kpi, KpiUnit } from '../../knowledge/kpis.js';
import { groupingOf } from '../../model/metric-expr.js';
import { humanize, humanize1024, humanizeDuration, humanizePercentage } from './humanize.js';
import { recordName } from './kpi-expr.js';
import type { AlertingRule, AlertThreshold, Routing } from './types.js';

export const PRIORITIES: readonly Priority[] = ['P0', 'P1', 'P2'];

/** How long a condition must hold before it pages: shorter the more it hurts. */
export const FOR_BY_PRIORITY: Readonly<Record<Priority, string>> = { P0: '5m', P1: '10m', P2: '15m' };

/** Alertmanager's customary severities (kubernetes-mixin uses the same three). */
export const SEVERITY_LABEL: Readonly<Record<Priority, 'critical' | 'warning' | 'info'>> = {
  P0: 'critical',
  P1: 'warning',
  P2: 'info',
};

const HUMANIZE: Readonly<Record<KpiUnit, string>> = {
  seconds: 'humanizeDuration',
  ratio: 'humanizePercentage',
  bytes: 'humanize1024',
  'per-second': 'humanize',
  count: 'humanize',
};
const SUFFIX: Readonly<Record<KpiUnit, string>> = { seconds: '', ratio: '', bytes: 'B', 'per-second': '/s', count: '' };
const EXPAND: Readonly<Record<KpiUnit, (v: number) => string>> = {
  seconds: humanizeDuration,
  ratio: humanizePercentage,
  bytes: humanize1024,
  'per-second': humanize,
  count: humanize,
};

/** `etcd-wal-fsync-p99` → `EtcdWalFsyncP99`. */
export const alertName = (kpi: Kpi): string =>
  kpi.id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

export const runbookUrl = (kpi: Kpi): string => `${DOCS_BASE}/runbooks.md#${kpi.id}`;

const fmt = (n: number): string => String(Number(n.toPrecision(6)));

/**
 * How annotations read: as Prometheus templates (the rule file), or expanded for one series and value (what a
 * promtool test expects the alert to carry).
 */
export interface AnnotationValues {
  readonly value: (unit: KpiUnit) => string;
  readonly label: (name: string) => string;
  /** ` in cluster X`, or nothing without the cluster label. */
  readonly cluster: string;
}

export const templateValues = (clusterLabel: string): AnnotationValues => ({
  value: (unit) => `{{ $value | ${HUMANIZE[unit]} }}${SUFFIX[unit]}`,
  label: (name) => `{{ $labels.${name} }}`,
  cluster: `{{ with $labels.${clusterLabel} }} in cluster {{ . }}{{ end }}`,
});

export const expandedValues = (
  value: number,
  labels: Readonly<Record<string, string>>,
  clusterLabel: string,
): AnnotationValues => ({
  value: (unit) => `${EXPAND[unit](value)}${SUFFIX[unit]}`,
  label: (name) => labels[name] ?? '',
  cluster: labels[clusterLabel] ? ` in cluster ${labels[clusterLabel]}` : '',
});

export interface KpiAlertOptions {
  readonly thresholds: readonly AlertThreshold[];
  readonly profile: string;
  readonly routing?: Routing | undefined;
  readonly clusterLabel: string;
}

/** The labels that tell a KPI's series apart, besides the cluster. */
export const seriesLabels = (kpi: Kpi, clusterLabel: string): readonly string[] =>
  groupingOf(kpi.expr).filter((l) => l !== clusterLabel);

export function kpiAnnotations(
  kpi: Kpi,
  t: AlertThreshold,
  opts: KpiAlertOptions,
  v: AnnotationValues,
): Record<string, string> {
  const limit = formatKpiValue(t.value, kpi.unit);
  const origin = t.origin === 'history' ? `from this cluster's history: ${t.basis ?? ''}` : `profile ${opts.profile}`;
  const own = seriesLabels(kpi, opts.clusterLabel)
    .map((l) => `${l}=${v.label(l)}`)
    .join(', ');
  const where = `${own ? ` (${own})` : ''}${v.cluster}`;
  return {
    summary: `${kpi.title} above ${limit} (${t.priority}).`,
    description: `${kpi.title} is ${v.value(kpi.unit)}${where}: above the ${t.priority} level ${limit} (${origin}). ${kpi.remediation}`,
    runbook_url: runbookUrl(kpi),
  };
}

/** A KPI's thresholds, highest priority first (the order the bands are cut in). */
export const thresholdsOf = (kpi: Kpi, thresholds: readonly AlertThreshold[]): AlertThreshold[] =>
  PRIORITIES.flatMap((p) => thresholds.filter((t) => t.kpi === kpi.id && t.priority === p));

export function alertLabels(kpi: Kpi, t: AlertThreshold, routing: Routing | undefined): Record<string, string> {
  return {
    severity: SEVERITY_LABEL[t.priority],
    priority: t.priority,
    kpi: kpi.id,
    component: routing?.components?.[kpi.component] ?? kpi.component,
    ...routing?.labels,
  };
}

/** The alerting rules of one KPI: one per level it has (none when the profile sets no level). */
export function kpiAlerts(kpi: Kpi, opts: KpiAlertOptions): AlertingRule[] {
  const mine = thresholdsOf(kpi, opts.thresholds);
  const metric = recordName(kpi);
  return mine.map((t, i) => ({
    alert: alertName(kpi),
    expr: `${metric} > ${fmt(t.value)}${mine
      .slice(0, i)
      .map((h) => ` <= ${fmt(h.value)}`)
      .join('')}`,
    for: FOR_BY_PRIORITY[t.priority],
    labels: alertLabels(kpi, t, opts.routing),
    annotations: kpiAnnotations(kpi, t, opts, templateValues(opts.clusterLabel)),
  }));
}

/** The profile's levels of a KPI as thresholds. */
export function profileThresholds(kpi: Kpi, profile: keyof Kpi['levels']): AlertThreshold[] {
  const levels = kpi.levels[profile];
  return PRIORITIES.flatMap((p) =>
    levels[p] === undefined ? [] : [{ kpi: kpi.id, priority: p, value: levels[p], origin: 'profile' as const }],
  );
}
