/**
 * `kubetune diagnose`: bottlenecks from metrics, ranked P0/P1/P2, with cross-layer root causes.
 * Live against a Prometheus-compatible API (`--prometheus URL`) or offline on raw scrapes (`--metrics-file`).
 */
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { scrapeBackend, prometheusBackend, type MetricsBackend } from '../../analyzers/backends.js';
import { diagnose, type DiagnoseResult } from '../../analyzers/diagnose.js';
import { DIAGNOSE_ANALYZERS } from '../../analyzers/diagnose-index.js';
import { ROOT_CAUSE_RULE_ID } from '../../analyzers/findings.js';
import type { Diagnostic } from '../../engine/types.js';
import { DOCS_BASE } from '../../engine/types.js';
import type { ProfileName } from '../../knowledge/profiles.js';
import { evaluateOnSamples, type SampleSet } from '../../model/metric-eval.js';
import { gauge } from '../../model/metric-expr.js';
import { buildReport, type Report, type RuleMeta } from '../../reporters/report.js';
import type { QueryStats } from '../../sources/prometheus/limiter.js';
import { readMetricsFiles } from '../../sources/prometheus/metrics-files.js';
import type { CommandContext, CommandModule } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { exitCodeFor, parseFailOn } from '../outcome.js';
import { VERSION } from '../version.js';
import {
  clientFromFlags,
  parsePositiveInt,
  parsePromDuration,
  parseTime,
  preflight,
  type PromFlags,
} from './diagnose-source.js';
import { addOutputOptions, emitReport, profileOption, type OutputFlags } from './audit.js';

interface DiagnoseFlags extends OutputFlags, PromFlags {
  readonly metricsFile?: string[];
  readonly window: string;
  readonly time?: string;
  readonly profile?: ProfileName;
  readonly failOn: string;
  readonly topk: string;
}

interface SourceRun {
  readonly backend: MetricsBackend;
  readonly source: string;
  readonly kubeVersion: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: () => QueryStats | undefined;
  readonly period?: string;
  readonly server?: string;
}

const BUILD_INFO = gauge('kubernetes_build_info', { by: ['git_version'], agg: 'max', over: 'last' });

function kubeVersionOf(samples: SampleSet): string {
  const v = evaluateOnSamples(BUILD_INFO, samples).series[0]?.labels['git_version'];
  return v ?? 'unknown';
}

async function openSource(flags: DiagnoseFlags, ctx: CommandContext, windowSeconds: number): Promise<SourceRun> {
  const topk = parsePositiveInt(flags.topk, '--topk', 1);
  if (flags.metricsFile?.length) {
    const read = await readMetricsFiles(flags.metricsFile);
    return {
      backend: scrapeBackend(read.samples, { topk }),
      source: `${read.files.length} scrape file(s)`,
      kubeVersion: kubeVersionOf(read.samples),
      diagnostics: read.diagnostics,
      stats: () => undefined,
      period: 'since process start',
    };
  }
  const client = clientFromFlags(flags, ctx.io.env);
  const info = await preflight(client, flags.prometheus!);
  const timeSeconds = flags.time ? parseTime(flags.time) : Math.floor(ctx.io.now().getTime() / 1000);
  const version = await client
    .instantQuery(`topk(1, max by (git_version) (kubernetes_build_info))`, { timeSeconds })
    .then((r) => r.series[0]?.labels['git_version'] ?? 'unknown')
    .catch(() => 'unknown');
  return {
    backend: prometheusBackend(client, { windowSeconds, timeSeconds, topk }),
    source: flags.prometheus!,
    kubeVersion: version,
    diagnostics: [],
    stats: () => client.stats(),
    ...(info?.version ? { server: `${info.version}` } : {}),
  };
}

/** Every KPI empty from a live source usually means the data ended long before `--time`: say so. */
function nothingMeasuredHint(run: SourceRun, result: DiagnoseResult, flags: DiagnoseFlags): DiagnoseResult {
  if (run.period || result.kpis.some((k) => k.status !== 'not-measured')) return result;
  const at = flags.time ? `at --time ${flags.time}` : 'now';
  const hint: Diagnostic = {
    code: 'not-measured',
    severity: 'error',
    message: `no KPI has data ${at} over --window ${flags.window}: is this the right Prometheus, and for a past incident pass --time (series older than 5 minutes are not found at "now")`,
  };
  return { ...result, diagnostics: [hint, ...result.diagnostics] };
}

const analyzerMetas = (): RuleMeta[] => [
  ...DIAGNOSE_ANALYZERS.map((a) => ({
    id: a.id,
    area: a.area,
    severity: 'warning' as const,
    summary: a.summary,
    docsUrl: `${DOCS_BASE}/diagnose.md#${a.id}`,
  })),
  {
    id: ROOT_CAUSE_RULE_ID,
    area: 'monitoring',
    severity: 'warning',
    summary: 'Bottlenecks chained along known cause → effect links, root first.',
    docsUrl: `${DOCS_BASE}/diagnose.md#root-cause`,
  },
];

export function diagnoseReport(
  run: SourceRun,
  result: DiagnoseResult,
  profile: ProfileName,
  windowSeconds: number,
): Report {
  const report = buildReport({
    command: 'diagnose',
    version: VERSION,
    kubeVersion: run.kubeVersion,
    profile,
    findings: result.findings,
    diagnostics: [...run.diagnostics, ...result.diagnostics],
    rules: [],
    objects: result.kpis.length,
    sections: {
      diagnose: {
        source: run.source,
        ...(run.server ? { server: run.server } : {}),
        windowSeconds: run.period ? null : windowSeconds,
        period: run.period ?? null,
        kpis: result.kpis,
        rootCauses: result.chains.map((c) => ({ chain: c.steps.map((s) => s.kpi.id), because: c.because })),
        queries: run.stats() ?? null,
      },
    },
  });
  const used = new Set(report.findings.map((f) => f.ruleId));
  return { ...report, rules: analyzerMetas().filter((m) => used.has(m.id)) };
}

function summaryLine(run: SourceRun, result: DiagnoseResult, ms: number): string {
  const count = (s: string) => result.kpis.filter((k) => k.status === s).length;
  const measured = count('measured') + count('bottleneck') + count('no-traffic');
  const stats = run.stats();
  const queries = stats
    ? `${stats.queries} queries (${stats.retries} retries, ${stats.failures} failed, max ${stats.maxInFlight} in flight) · `
    : '';
  return (
    `diagnose: ${queries}${measured}/${result.kpis.length} KPIs measured, ${count('not-measured')} not measured, ` +
    `${count('error')} failed · ${result.bottlenecks.length} bottlenecks, ${result.chains.length} root-cause chains · ` +
    `${run.source}${run.server ? ` (Prometheus ${run.server})` : ''} · ${Math.round(ms)} ms\n`
  );
}

export const diagnoseCommand: CommandModule = {
  name: 'diagnose',
  register(program, ctx) {
    const cmd = program
      .command('diagnose')
      .description('Find bottlenecks (P0/P1/P2) and their root causes from Prometheus metrics or raw /metrics scrapes')
      .option(
        '--prometheus <url>',
        'Prometheus-compatible API base URL (Prometheus, Thanos, Mimir, VictoriaMetrics), path prefix included',
      )
      .option(
        '--metrics-file <file...>',
        'offline: raw /metrics scrapes (Prometheus text format), e.g. apiserver, etcd, cadvisor',
      )
      .option('--window <duration>', 'analysed period ending at --time', '1h')
      .option('--time <time>', 'end of the window: RFC 3339 or unix seconds (default: now)')
      .addOption(profileOption())
      .option('--fail-on <level>', 'exit 1 when a finding is at or above: P0, P1, P2, error, warning, info, none', 'P0')
      .option('--topk <n>', 'worst series kept per KPI as evidence', '5')
      .option('--bearer-token-file <file>', 'bearer token file (or KUBETUNE_PROMETHEUS_TOKEN)')
      .option(
        '--basic-auth-user <name>',
        'basic auth user (password: --basic-auth-password-file or KUBETUNE_PROMETHEUS_PASSWORD)',
      )
      .option('--basic-auth-password-file <file>', 'basic auth password file')
      .option('-H, --header <header...>', 'extra HTTP header "Name: value" (e.g. "X-Scope-OrgID: tenant")')
      .option('--ca-file <file>', 'CA bundle (PEM) to verify the server')
      .option('--insecure-skip-tls-verify', 'do not verify the server certificate')
      .option('--timeout <duration>', 'per-request timeout', '30s')
      .option('--retries <n>', 'retries on 5xx/429/network errors (exponential backoff)', '3')
      .option('--concurrency <n>', 'concurrent queries', '4')
      .option('--max-queries <n>', 'query budget: stop querying after n requests')
      .addOption(new Option('--no-summary', 'do not print the query/KPI summary on stderr'));
    addOutputOptions(cmd).action(async (flags: DiagnoseFlags & { summary?: boolean }) => {
      if (Boolean(flags.prometheus) === Boolean(flags.metricsFile?.length)) {
        throw new UsageError('diagnose needs exactly one of --prometheus <url> or --metrics-file <file...>');
      }
      const failOn = parseFailOn(flags.failOn);
      const windowSeconds = Math.round(parsePromDuration(flags.window, '--window'));
      const profile = flags.profile ?? 'guide';
      const started = performance.now();
      const run = await openSource(flags, ctx, windowSeconds);
      const result = await diagnose(DIAGNOSE_ANALYZERS, run.backend, {
        profile,
        windowSeconds,
        ...(run.period ? { period: run.period } : {}),
      });
      const report = diagnoseReport(run, nothingMeasuredHint(run, result, flags), profile, windowSeconds);
      emitReport(report, flags, ctx);
      if (flags.summary !== false) ctx.io.stderr.write(summaryLine(run, result, performance.now() - started));
      ctx.setExit(exitCodeFor(report, failOn));
      // nothing measured is never "healthy"
      if (!result.kpis.some((k) => k.status !== 'not-measured' && k.status !== 'error')) ctx.setExit(EXIT.input);
    });
  },
};
