/**
 * `diagnose`: bottlenecks from metrics, ranked P0/P1/P2, with cross-layer root causes. Live against a
 * Prometheus-compatible API or offline on raw scrapes.
 */
import { scrapeBackend, prometheusBackend, type MetricsBackend } from '../analyzers/backends.js';
import { diagnose as analyse, type DiagnoseResult } from '../analyzers/diagnose.js';
import { DIAGNOSE_ANALYZERS } from '../analyzers/diagnose-index.js';
import { PrometheusUnusableError } from '../core/errors.js';
import type { Diagnostic } from '../engine/types.js';
import type { ProfileName } from '../knowledge/profiles.js';
import { evaluateOnSamples, type SampleSet } from '../model/metric-eval.js';
import { gauge } from '../model/metric-expr.js';
import type { Report } from '../reporters/report.js';
import type { QueryStats } from '../sources/prometheus/limiter.js';
import { readMetricsFiles } from '../sources/prometheus/metrics-files.js';
import { diagnoseReport } from './diagnose-report.js';
import type { Clock } from './ports.js';
import { preflight, type PrometheusEndpoint } from './prometheus.js';

/** Where the metrics come from: raw /metrics scrapes on disk, or a Prometheus-compatible API. */
export type DiagnoseSource = { readonly metricsFiles: readonly string[] } | { readonly prometheus: PrometheusEndpoint };

export interface DiagnoseOptions {
  readonly source: DiagnoseSource;
  readonly windowSeconds: number;
  /** End of the window (default: the clock's now). */
  readonly timeSeconds?: number;
  readonly profile?: ProfileName;
  /** Worst series kept per KPI as evidence. */
  readonly topk?: number;
  /** How the window and time were written (named in the "nothing measured" hint). */
  readonly labels?: { readonly window?: string; readonly time?: string };
}

/** What a source answered, beside the analysis. */
export interface SourceRun {
  readonly backend: MetricsBackend;
  readonly source: string;
  readonly kubeVersion: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: () => QueryStats | undefined;
  readonly period?: string;
  readonly server?: string;
}

export interface DiagnoseOutcome {
  readonly report: Report;
  readonly result: DiagnoseResult;
  readonly run: SourceRun;
}

const BUILD_INFO = gauge('kubernetes_build_info', { by: ['git_version'], agg: 'max', over: 'last' });

function kubeVersionOf(samples: SampleSet): string {
  const v = evaluateOnSamples(BUILD_INFO, samples).series[0]?.labels['git_version'];
  return v ?? 'unknown';
}

async function openSource(options: DiagnoseOptions, clock: Clock): Promise<SourceRun> {
  const topk = options.topk ?? 5;
  const { source, windowSeconds } = options;
  if ('metricsFiles' in source) {
    const read = await readMetricsFiles(source.metricsFiles);
    return {
      backend: scrapeBackend(read.samples, { topk }),
      source: `${read.files.length} scrape file(s)`,
      kubeVersion: kubeVersionOf(read.samples),
      diagnostics: read.diagnostics,
      stats: () => undefined,
      period: 'since process start',
    };
  }
  const { client, url } = source.prometheus;
  const info = await preflight(client, url);
  const timeSeconds = options.timeSeconds ?? Math.floor(clock.now().getTime() / 1000);
  const version = await client
    .instantQuery(`topk(1, max by (git_version) (kubernetes_build_info))`, { timeSeconds })
    .then((r) => r.series[0]?.labels['git_version'] ?? 'unknown')
    .catch(() => 'unknown');
  return {
    backend: prometheusBackend(client, { windowSeconds, timeSeconds, topk }),
    source: url,
    kubeVersion: version,
    diagnostics: [],
    stats: () => client.stats(),
    ...(info?.version ? { server: `${info.version}` } : {}),
  };
}

/** Every KPI empty from a live source usually means the data ended long before `--time`: say so. */
function nothingMeasuredHint(run: SourceRun, result: DiagnoseResult, options: DiagnoseOptions): DiagnoseResult {
  if (run.period || result.kpis.some((k) => k.status !== 'not-measured')) return result;
  const at = options.labels?.time ? `at --time ${options.labels.time}` : 'now';
  const window = options.labels?.window ?? `${options.windowSeconds}s`;
  const hint: Diagnostic = {
    code: 'not-measured',
    severity: 'error',
    message: `no KPI has data ${at} over --window ${window}: is this the right Prometheus, and for a past incident pass --time (series older than 5 minutes are not found at "now")`,
  };
  return { ...result, diagnostics: [hint, ...result.diagnostics] };
}

/** A live server on which every KPI query failed (5xx throughout, not a Prometheus API) is unusable: exit 3, not a report. */
function unusable(run: SourceRun, result: DiagnoseResult): void {
  if (run.period || result.kpis.length === 0 || result.kpis.some((k) => k.status !== 'error')) return;
  const causes = result.diagnostics.filter((d) => d.code === 'source-error' && d.severity === 'error');
  throw new PrometheusUnusableError(run.source, causes.map((d) => d.message).join('; '));
}

/** Runs every diagnose analyzer on the source and builds the report (findings, KPIs, root-cause chains). */
export async function diagnose(options: DiagnoseOptions, ports: { readonly clock: Clock }): Promise<DiagnoseOutcome> {
  const profile = options.profile ?? 'guide';
  const run = await openSource(options, ports.clock);
  const result = await analyse(DIAGNOSE_ANALYZERS, run.backend, {
    profile,
    windowSeconds: options.windowSeconds,
    ...(run.period ? { period: run.period } : {}),
  });
  unusable(run, result);
  const report = diagnoseReport(run, nothingMeasuredHint(run, result, options), profile, options.windowSeconds);
  return { report, result, run };
}
