/**
 * Multi-window, multi-burn-rate SLO alerts for the API server (The Site Reliability Workbook, "Alerting on SLOs",
 * https://sre.google/workbook/alerting-on-slos/ — the method and windows kubernetes-mixin's KubeAPIErrorBudgetBurn
 * uses): a long window proves the burn is sustained, a short one that it is still going on. Two SLOs, each with its
 * own recorded ratio per window: availability (5xx share) and latency (share of non-streaming calls slower than the
 * upstream SLO for their scope: 1 s resource, 5 s namespace, 30 s cluster; sig-scalability api_call_latency.md).
 */
import type { AlertingRule, RecordingRule, RuleGroup, SloOptions } from './types.js';

export interface BurnWindow {
  readonly long: string;
  readonly short: string;
  /** Multiple of the budget: 14.4 burns 2% of a 30-day budget in an hour. */
  readonly factor: number;
  readonly severity: 'critical' | 'warning';
  readonly for: string;
}

/** The workbook's table (and kubernetes-mixin's: same windows, factors and `for:`). */
export const BURN_WINDOWS: readonly BurnWindow[] = [
  { long: '1h', short: '5m', factor: 14.4, severity: 'critical', for: '2m' },
  { long: '6h', short: '30m', factor: 6, severity: 'critical', for: '15m' },
  { long: '1d', short: '2h', factor: 3, severity: 'warning', for: '1h' },
  { long: '3d', short: '6h', factor: 1, severity: 'warning', for: '3h' },
];
const WINDOWS = [...new Set(BURN_WINDOWS.flatMap((w) => [w.short, w.long]))];

/** Latency SLI histograms, best first: the SLI one excludes webhook and priority-and-fairness wait (1.26+). */
export const API_LATENCY_HISTOGRAMS = [
  'apiserver_request_sli_duration_seconds',
  'apiserver_request_slo_duration_seconds',
  'apiserver_request_duration_seconds',
] as const;
const SCOPE_SLO_SECONDS = [
  ['resource', 1],
  ['namespace', 5],
  ['cluster', 30],
] as const;

export type SloName = 'availability' | 'latency';
const NON_STREAMING = 'verb!~"WATCH|CONNECT"';

export const sloRecord = (slo: SloName, window: string): string =>
  `kubetune:apiserver_request:${slo === 'availability' ? 'error' : 'slow'}_ratio_rate${window}`;

function availabilityExpr(w: string, by: string): string {
  const all = `sum by (${by}) (rate(apiserver_request_total{${NON_STREAMING}}[${w}]))`;
  const errors = `sum by (${by}) (rate(apiserver_request_total{${NON_STREAMING},code=~"5.."}[${w}]))`;
  return `(${errors} or 0 * ${all}) / ${all}`;
}

function latencyExpr(histogram: string, w: string, by: string): string {
  const scopes = `scope=~"${SCOPE_SLO_SECONDS.map(([s]) => s).join('|')}"`;
  const count = (group: string) => `sum by (${group}) (rate(${histogram}_count{${NON_STREAMING},${scopes}}[${w}]))`;
  // le="1" before Prometheus 3, le="1.0" after (3.0 normalises le values)
  const fast = SCOPE_SLO_SECONDS.map(
    ([scope, s]) =>
      `sum by (${by}, scope) (rate(${histogram}_bucket{${NON_STREAMING},scope="${scope}",le=~"${s}(\\\\.0)?"}[${w}]))`,
  ).join(' or ');
  return `sum by (${by}) (${count(`${by}, scope`)} - (${fast})) / ${count(by)}`;
}

const fmt = (n: number): string => String(Number(n.toPrecision(6)));

export interface SloRulesOptions extends SloOptions, SloLabelOptions {
  readonly clusterLabel: string;
  /** The latency histogram Prometheus has (API_LATENCY_HISTOGRAMS); none: no latency SLO. */
  readonly latencyHistogram: string | undefined;
}

/** Annotation values: templates in the rule file, or expanded for one series (promtool tests). */
export interface SloAnnotationValues {
  readonly value: string;
  readonly cluster: string;
}
export const sloTemplateValues = (clusterLabel: string): SloAnnotationValues => ({
  value: '{{ $value | humanizePercentage }}',
  cluster: `{{ with $labels.${clusterLabel} }} in cluster {{ . }}{{ end }}`,
});

export const burnAlertName = (slo: SloName): string =>
  slo === 'availability' ? 'ApiserverAvailabilityBudgetBurn' : 'ApiserverLatencyBudgetBurn';
export const burnLimit = (b: BurnWindow, target: number): number => Number((b.factor * (1 - target)).toPrecision(6));

export function sloAnnotations(
  slo: SloName,
  b: BurnWindow,
  target: number,
  v: SloAnnotationValues,
): Record<string, string> {
  const budget = 1 - target;
  const what = slo === 'availability' ? 'errors (5xx)' : 'requests slower than the latency SLO';
  return {
    summary: `The API server burns its ${slo} error budget ${b.factor}x too fast.`,
    description: `API ${what}: ${v.value} over ${b.long} (and over ${b.short})${v.cluster}; the SLO allows ${fmt(budget * 100)}% (target ${fmt(target * 100)}%), this burns it ${b.factor}x faster than sustainable.`,
    runbook_url: `https://github.com/kubetune/kubetune/blob/main/docs/runbooks.md#apiserver-${slo}-budget-burn`,
  };
}

export const sloLabels = (slo: SloName, b: BurnWindow, opts: SloLabelOptions): Record<string, string> => ({
  severity: b.severity,
  long: b.long,
  short: b.short,
  slo: `apiserver-${slo}`,
  component: opts.apiServerComponent,
  ...opts.routing,
});

export interface SloLabelOptions {
  readonly routing: Readonly<Record<string, string>>;
  readonly apiServerComponent: string;
}

function burnAlerts(slo: SloName, target: number, opts: SloRulesOptions): AlertingRule[] {
  return BURN_WINDOWS.map((b) => {
    const limit = fmt(burnLimit(b, target));
    return {
      alert: burnAlertName(slo),
      expr: `${sloRecord(slo, b.long)} > ${limit} and on (${opts.clusterLabel}) ${sloRecord(slo, b.short)} > ${limit}`,
      for: b.for,
      labels: sloLabels(slo, b, opts),
      annotations: sloAnnotations(slo, b, target, sloTemplateValues(opts.clusterLabel)),
    };
  });
}

/** Recording groups (one per SLO, every window) and the alerting group of the API server SLOs. */
export function sloRules(opts: SloRulesOptions): { recording: RuleGroup[]; alerting: RuleGroup } {
  const by = opts.clusterLabel;
  const rec = (slo: SloName, expr: (w: string) => string): RuleGroup => ({
    name: `kubetune.slo.apiserver-${slo}.rules`,
    rules: WINDOWS.map((w): RecordingRule => ({ record: sloRecord(slo, w), expr: expr(w) })),
  });
  const hist = opts.latencyHistogram;
  const recording = [rec('availability', (w) => availabilityExpr(w, by))];
  if (hist) recording.push(rec('latency', (w) => latencyExpr(hist, w, by)));
  return {
    recording,
    alerting: {
      name: 'kubetune.slo.apiserver.alerts',
      rules: [
        ...burnAlerts('availability', opts.availabilityTarget, opts),
        ...(hist ? burnAlerts('latency', opts.latencyTarget, opts) : []),
      ],
    },
  };
}
