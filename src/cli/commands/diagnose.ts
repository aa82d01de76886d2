/**
 * `kubetune diagnose`: bottlenecks from metrics, ranked P0/P1/P2, with cross-layer root causes.
 * Live against a Prometheus-compatible API (`--prometheus URL`) or offline on raw scrapes (`--metrics-file`).
 */
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import type { DiagnoseResult } from '../../analyzers/diagnose.js';
import { diagnose, type DiagnoseSource, type SourceRun } from '../../app/diagnose.js';
import type { ProfileName } from '../../knowledge/profiles.js';
import type { CommandModule } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { exitCodeFor, parseFailOn } from '../outcome.js';
import { clientFromFlags, parsePositiveInt, parsePromDuration, parseTime, type PromFlags } from './diagnose-source.js';
import { addOutputOptions, emitReport, profileOption, type OutputFlags } from './audit.js';

interface DiagnoseFlags extends OutputFlags, PromFlags {
  readonly metricsFile?: string[];
  readonly window: string;
  readonly time?: string;
  readonly profile?: ProfileName;
  readonly failOn: string;
  readonly topk: string;
}

function sourceFrom(flags: DiagnoseFlags, env: Readonly<Record<string, string | undefined>>): DiagnoseSource {
  if (flags.metricsFile?.length) return { metricsFiles: flags.metricsFile };
  return { prometheus: { client: clientFromFlags(flags, env), url: flags.prometheus! } };
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
      const topk = parsePositiveInt(flags.topk, '--topk', 1);
      const started = performance.now();
      const { report, result, run } = await diagnose(
        {
          source: sourceFrom(flags, ctx.io.env),
          windowSeconds,
          ...(flags.time ? { timeSeconds: parseTime(flags.time) } : {}),
          profile: flags.profile ?? 'guide',
          topk,
          labels: { window: flags.window, ...(flags.time ? { time: flags.time } : {}) },
        },
        { clock: ctx.io },
      );
      emitReport(report, flags, ctx);
      if (flags.summary !== false) ctx.io.stderr.write(summaryLine(run, result, performance.now() - started));
      ctx.setExit(exitCodeFor(report, failOn));
      // nothing measured is never "healthy"
      if (!result.kpis.some((k) => k.status !== 'not-measured' && k.status !== 'error')) ctx.setExit(EXIT.input);
    });
  },
};
