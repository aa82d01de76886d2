/**
 * `generate` use case: monitoring (rules, promtool tests, dashboards) from the KPI catalogue, optionally fitted to a
 * Prometheus (which metrics exist; thresholds from history). Typed options and ports in, files as text out; the CLI
 * writes them.
 */
import { UsageError } from '../core/errors.js';
import type { KubeVersion } from '../core/version.js';
import { KPIS, type Kpi } from '../knowledge/kpis.js';
import type { ProfileName } from '../knowledge/profiles.js';
import type { PromApi } from '../model/prom-api.js';
import { toPromQL, formatPromDuration } from '../model/metric-promql.js';
import { generateDashboards } from '../generate/monitoring/dashboards.js';
import { historyApplies, historyThreshold } from '../generate/monitoring/history.js';
import {
  keepLabel,
  metricNamesOf,
  recordName,
  recordWindowSeconds,
  missingMetrics,
} from '../generate/monitoring/kpi-expr.js';
import { dumpYaml, renderRules, type RulesFormat } from '../generate/monitoring/render-rules.js';
import { DEFAULT_CLUSTER_LABEL, generateRules } from '../generate/monitoring/rules.js';
import { API_LATENCY_HISTOGRAMS } from '../generate/monitoring/slo.js';
import type {
  AlertThreshold,
  GeneratedRules,
  Omission,
  Routing,
  RulesOptions,
  SloOptions,
} from '../generate/monitoring/types.js';
import { generateUnitTests } from '../generate/monitoring/unit-tests.js';

export const GENERATE_KINDS = ['rules', 'dashboards', 'tests'] as const;
export type GenerateKind = (typeof GENERATE_KINDS)[number];
export const isGenerateKind = (s: string): s is GenerateKind => (GENERATE_KINDS as readonly string[]).includes(s);

export interface HistoryRequest {
  readonly windowSeconds: number;
  readonly quantile: number;
  readonly margin: number;
}

export interface GenerateOptions {
  readonly kinds: readonly GenerateKind[];
  readonly profile: ProfileName;
  readonly rulesFormat: RulesFormat;
  readonly kubeVersion: KubeVersion;
  readonly routing?: Routing;
  readonly slo?: SloOptions;
  readonly clusterLabel?: string;
  readonly history?: HistoryRequest;
  /** Evaluation time of history queries (unix seconds); the server's "now" when absent. */
  readonly timeSeconds?: number;
  /** Namespace of the generated Kubernetes objects (PrometheusRule, ConfigMap, GrafanaDashboard). */
  readonly namespace?: string;
}

/** What generate needs from a Prometheus: queries, and the metric names it holds (label values of `__name__`). */
export interface GeneratePromApi extends PromApi {
  labelValues(label: string): Promise<readonly string[]>;
}
export interface GeneratePorts {
  readonly prometheus?: GeneratePromApi;
}

export interface GeneratedFile {
  /** Relative to the output directory. */
  readonly path: string;
  readonly text: string;
}

export interface GenerateResult {
  readonly files: readonly GeneratedFile[];
  readonly rules: GeneratedRules;
  readonly omitted: readonly Omission[];
  /** History thresholds and the KPIs whose history could not be read. */
  readonly history: readonly AlertThreshold[];
  readonly notes: readonly string[];
}

export const RULES_FILE = 'rules/kubetune.rules.yaml';
export const PROMETHEUS_RULE_FILE = 'rules/kubetune-prometheusrule.yaml';
export const TESTS_FILE = 'tests/kubetune.rules.test.yaml';
export const SLO_TESTS_FILE = 'tests/kubetune-slo.rules.test.yaml';

/** Every metric name the catalogue and the SLOs read. */
function wantedMetrics(kpis: readonly Kpi[]): string[] {
  const names = new Set(kpis.flatMap((k) => metricNamesOf(k.expr)));
  names.add('apiserver_request_total');
  for (const h of API_LATENCY_HISTOGRAMS) names.add(`${h}_bucket`);
  return [...names];
}

async function presentMetrics(api: GeneratePromApi): Promise<Set<string>> {
  return new Set(await api.labelValues('__name__'));
}

/** A KPI's baseline: the worst series' percentile of its recorded value (or of its expression) over the window. */
async function baseline(
  api: PromApi,
  kpi: Kpi,
  present: ReadonlySet<string>,
  opts: GenerateOptions,
): Promise<number | undefined> {
  const h = opts.history!;
  const range = formatPromDuration(h.windowSeconds);
  const step = formatPromDuration(recordWindowSeconds(kpi));
  const inner = present.has(recordName(kpi))
    ? `${recordName(kpi)}[${range}]`
    : `(${toPromQL(keepLabel(kpi.expr, opts.clusterLabel ?? DEFAULT_CLUSTER_LABEL), recordWindowSeconds(kpi))})[${range}:${step}]`;
  const res = await api.instantQuery(
    `max(quantile_over_time(${h.quantile}, ${inner}))`,
    opts.timeSeconds !== undefined ? { timeSeconds: opts.timeSeconds } : {},
  );
  const v = res.series[0]?.value;
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

async function historyThresholds(
  api: PromApi,
  present: ReadonlySet<string>,
  opts: GenerateOptions,
  notes: string[],
): Promise<AlertThreshold[]> {
  const h = opts.history!;
  const window = formatPromDuration(h.windowSeconds);
  const kpis = KPIS.filter((k) => historyApplies(k) && missingMetrics(k.expr, present).length === 0);
  const out: AlertThreshold[] = [];
  for (const k of kpis) {
    const b = await baseline(api, k, present, opts);
    if (b === undefined) {
      notes.push(`history: ${k.id}: no data over ${window}; the profile's levels apply`);
      continue;
    }
    const t = historyThreshold(k, b, { profile: opts.profile, quantile: h.quantile, margin: h.margin, window });
    if (t) out.push(t);
  }
  return out;
}

function rulesOptionsOf(
  opts: GenerateOptions,
  present: ReadonlySet<string> | undefined,
  history: AlertThreshold[],
): RulesOptions {
  return {
    profile: opts.profile,
    kubeVersion: opts.kubeVersion,
    ...(opts.routing ? { routing: opts.routing } : {}),
    ...(opts.slo ? { slo: opts.slo } : {}),
    ...(opts.clusterLabel ? { clusterLabel: opts.clusterLabel } : {}),
    ...(present ? { presentMetrics: present } : {}),
    historyThresholds: history,
  };
}

function rulesFiles(opts: GenerateOptions, rules: GeneratedRules, rulesOpts: RulesOptions): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const meta = { profile: opts.profile, ...(opts.namespace ? { namespace: opts.namespace } : {}) };
  const wantRules = opts.kinds.includes('rules');
  const wantTests = opts.kinds.includes('tests');
  if (wantRules && opts.rulesFormat === 'prometheusrule')
    files.push({ path: PROMETHEUS_RULE_FILE, text: renderRules(rules, { ...meta, format: 'prometheusrule' }) });
  // promtool reads plain rule files: the tests need one even beside a PrometheusRule
  if (wantTests || (wantRules && opts.rulesFormat === 'rules-file'))
    files.push({ path: RULES_FILE, text: renderRules(rules, { ...meta, format: 'rules-file' }) });
  if (wantTests) {
    const tests = generateUnitTests(rules, { ...rulesOpts, ruleFile: `../${RULES_FILE}` });
    files.push({ path: TESTS_FILE, text: dumpYaml(tests.kpis) });
    if (tests.slo.tests.length) files.push({ path: SLO_TESTS_FILE, text: dumpYaml(tests.slo) });
  }
  return files;
}

function discoveryNote(present: ReadonlySet<string> | undefined): string {
  if (!present) return 'discovery: no --prometheus, every KPI is generated (nothing checked)';
  const wanted = wantedMetrics(KPIS);
  const found = wanted.filter((m) => present.has(m)).length;
  return `discovery: ${found} of ${wanted.length} metrics the catalogue reads exist in Prometheus`;
}

export async function runGenerate(opts: GenerateOptions, ports: GeneratePorts = {}): Promise<GenerateResult> {
  const api = ports.prometheus;
  if (opts.history && !api) throw new UsageError('--from-history needs --prometheus');
  const present = api ? await presentMetrics(api) : undefined;
  const notes = [discoveryNote(present)];
  const history = opts.history && api && present ? await historyThresholds(api, present, opts, notes) : [];
  const rulesOpts = rulesOptionsOf(opts, present, history);
  const rules = generateRules(rulesOpts);
  const files = rulesFiles(opts, rules, rulesOpts);
  if (opts.kinds.includes('dashboards')) {
    const clusterLabel = opts.clusterLabel ?? DEFAULT_CLUSTER_LABEL;
    const ns = opts.namespace ? { namespace: opts.namespace } : {};
    files.push(...generateDashboards({ rules, profile: opts.profile, clusterLabel, ...ns }));
  }
  return { files, rules, omitted: rules.omitted, history, notes };
}
