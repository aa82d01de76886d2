/**
 * `kubetune generate tests`: promtool unit tests (`promtool test rules`) for every generated alert. Each KPI gets a
 * series inside every level's band, which must stay silent until that level's `for:` has passed and then fire with
 * exactly that level's labels and expanded annotations, and a quiet series below every level that must never fire.
 * Each SLO burn alert gets a series burning in both windows (fires after `for:`) and one burning only in the long
 * window (must not fire: the short window says it has stopped). Inputs are the recorded series the alerts read; the
 * recording expressions themselves are checked against a real Prometheus with scenario history (test/e2e).
 */
import { parseDurationMs } from '../../core/units.js';
import { KPIS, type Kpi } from '../../knowledge/kpis.js';
import {
  alertLabels,
  alertName,
  expandedValues,
  FOR_BY_PRIORITY,
  kpiAnnotations,
  seriesLabels,
  thresholdsOf,
  type KpiAlertOptions,
} from './alerts.js';
import { humanizePercentage } from './humanize.js';
import { recordName } from './kpi-expr.js';
import {
  BURN_WINDOWS,
  burnAlertName,
  burnLimit,
  sloAnnotations,
  sloLabels,
  sloRecord,
  type BurnWindow,
  type SloName,
} from './slo.js';
import { DEFAULT_CLUSTER_LABEL, DEFAULT_SLO } from './rules.js';
import { isAlertingRule, type GeneratedRules, type RulesOptions } from './types.js';

type Labels = Readonly<Record<string, string>>;
export interface ExpectedAlert {
  readonly exp_labels: Labels;
  readonly exp_annotations: Labels;
}
export interface AlertRuleTest {
  readonly eval_time: string;
  readonly alertname: string;
  readonly exp_alerts: readonly ExpectedAlert[];
}
export interface PromtoolTest {
  readonly name: string;
  readonly interval: string;
  readonly input_series: readonly { readonly series: string; readonly values: string }[];
  readonly alert_rule_test: readonly AlertRuleTest[];
}
export interface PromtoolTestFile {
  readonly rule_files: readonly string[];
  readonly evaluation_interval: string;
  readonly tests: readonly PromtoolTest[];
}

/** KPI alerts wait 5-15 minutes: evaluated every minute. SLO alerts wait up to 3 hours: every 5 minutes. */
const KPI_STEP_MINUTES = 1;
const SLO_STEP_MINUTES = 5;
const fmt = (n: number): string => String(Number(n.toPrecision(6)));
const minutes = (d: string): number => (parseDurationMs(d) ?? 0) / 60_000;
const seriesText = (metric: string, labels: Labels): string =>
  `${metric}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`;
/** A constant series covering `untilMinutes` (and a few steps more) at `step`. */
const constant = (value: number, untilMinutes: number, step: number): string =>
  `${fmt(value)}x${Math.ceil(untilMinutes / step) + 5}`;

/** The first evaluation at which an alert with `forText` fires: its `for:` rounded up to the evaluation step. */
const firesAt = (forText: string, step: number): number => Math.ceil(minutes(forText) / step) * step;

/** Eval times around each `for:` (one step before: silent; at it: firing). */
const evalTimes = (fors: readonly string[], step: number): number[] =>
  [...new Set(fors.flatMap((f) => [firesAt(f, step) - step, firesAt(f, step)]))]
    .filter((m) => m >= 0)
    .sort((a, b) => a - b);

/** A value inside (low, high], or above `low` when nothing caps it. */
const inside = (low: number, high: number | undefined): number =>
  high !== undefined ? (low + high) / 2 : low > 0 ? low * 2 : 1;

function kpiTest(kpi: Kpi, opts: KpiAlertOptions): PromtoolTest | undefined {
  const levels = thresholdsOf(kpi, opts.thresholds);
  if (levels.length === 0) return undefined;
  const own = Object.fromEntries(seriesLabels(kpi, opts.clusterLabel).map((l) => [l, 'x']));
  const cases = levels.flatMap((t, i) => {
    const cap = Math.min(...levels.slice(0, i).map((h) => h.value));
    const value = inside(t.value, Number.isFinite(cap) ? cap : undefined);
    if (!(value > t.value)) return []; // an empty band (a lower level above a higher one) can never fire
    const labels = { ...own, [opts.clusterLabel]: `band-${t.priority.toLowerCase()}` };
    return [{ t, value, labels }];
  });
  const lowest = Math.min(...levels.map((t) => t.value));
  const quiet = { ...own, [opts.clusterLabel]: 'quiet' };
  const metric = recordName(kpi);
  const fors = cases.map((c) => FOR_BY_PRIORITY[c.t.priority]);
  const step = KPI_STEP_MINUTES;
  const times = evalTimes(fors, step);
  const until = Math.max(0, ...times);
  return {
    name: `${kpi.id}: each level fires after its for:, nothing below the lowest level`,
    interval: `${step}m`,
    input_series: [
      ...cases.map((c) => ({ series: seriesText(metric, c.labels), values: constant(c.value, until, step) })),
      { series: seriesText(metric, quiet), values: constant(lowest > 0 ? lowest / 2 : 0, until, step) },
    ],
    alert_rule_test: times.map((m) => ({
      eval_time: `${m}m`,
      alertname: alertName(kpi),
      exp_alerts: cases
        .filter((c) => firesAt(FOR_BY_PRIORITY[c.t.priority], step) <= m)
        .map((c) => ({
          exp_labels: { ...c.labels, ...alertLabels(kpi, c.t, opts.routing) },
          exp_annotations: kpiAnnotations(kpi, c.t, opts, expandedValues(c.value, c.labels, opts.clusterLabel)),
        })),
    })),
  };
}

interface SloTestOptions {
  readonly clusterLabel: string;
  readonly routing: Labels;
  readonly apiServerComponent: string;
}

function sloTest(slo: SloName, b: BurnWindow, target: number, opts: SloTestOptions): PromtoolTest {
  const limit = burnLimit(b, target);
  const burning = Math.min(1, limit * 2);
  const burn = { [opts.clusterLabel]: 'burning' };
  const stopped = { [opts.clusterLabel]: 'stopped' };
  const step = SLO_STEP_MINUTES;
  const times = evalTimes([b.for], step);
  const until = Math.max(0, ...times);
  const series = (w: string, labels: Labels, v: number) => ({
    series: seriesText(sloRecord(slo, w), labels),
    values: constant(v, until, step),
  });
  return {
    name: `${burnAlertName(slo)} ${b.long}/${b.short}: fires after ${b.for} when both windows burn, not when only the long one does`,
    interval: `${step}m`,
    input_series: [
      series(b.long, burn, burning),
      series(b.short, burn, burning),
      series(b.long, stopped, burning),
      series(b.short, stopped, limit / 2),
    ],
    alert_rule_test: times.map((m) => ({
      eval_time: `${m}m`,
      alertname: burnAlertName(slo),
      exp_alerts:
        m >= firesAt(b.for, step)
          ? [
              {
                exp_labels: { ...burn, ...sloLabels(slo, b, opts) },
                exp_annotations: sloAnnotations(slo, b, target, {
                  value: humanizePercentage(burning),
                  cluster: ` in cluster ${burn[opts.clusterLabel]}`,
                }),
              },
            ]
          : [],
    })),
  };
}

/** promtool test files of every alert in `rules` (KPI alerts, SLO alerts), reading the rule file at `ruleFile`. */
export function generateUnitTests(
  rules: GeneratedRules,
  opts: RulesOptions & { readonly ruleFile: string },
  catalogue: readonly Kpi[] = KPIS,
): { kpis: PromtoolTestFile; slo: PromtoolTestFile } {
  const clusterLabel = opts.clusterLabel ?? DEFAULT_CLUSTER_LABEL;
  const alertOpts: KpiAlertOptions = {
    thresholds: rules.thresholds,
    profile: opts.profile,
    routing: opts.routing,
    clusterLabel,
  };
  const alerts = new Set(rules.alerting.flatMap((g) => g.rules.filter(isAlertingRule).map((r) => r.alert)));
  const kpiTests = catalogue.flatMap((k) => (alerts.has(alertName(k)) ? [kpiTest(k, alertOpts)] : []));
  const slo = opts.slo ?? DEFAULT_SLO;
  const sloOpts: SloTestOptions = {
    clusterLabel,
    routing: opts.routing?.labels ?? {},
    apiServerComponent: opts.routing?.components?.['kube-apiserver'] ?? 'kube-apiserver',
  };
  const sloTests = (['availability', 'latency'] as const).flatMap((s) =>
    alerts.has(burnAlertName(s))
      ? BURN_WINDOWS.map((b) =>
          sloTest(s, b, s === 'availability' ? slo.availabilityTarget : slo.latencyTarget, sloOpts),
        )
      : [],
  );
  return {
    kpis: {
      rule_files: [opts.ruleFile],
      evaluation_interval: `${KPI_STEP_MINUTES}m`,
      tests: kpiTests.filter((t): t is PromtoolTest => t !== undefined),
    },
    slo: { rule_files: [opts.ruleFile], evaluation_interval: `${SLO_STEP_MINUTES}m`, tests: sloTests },
  };
}
