/**
 * `kubetune diagnose`: bottlenecks from metrics, ranked P0/P1/P2, with cross-layer root causes.
 * Live against a Prometheus-compatible API (`--prometheus URL`) or offline on raw scrapes (`--metrics-file`).
 */
import { UsageError } from '../../core/errors.js';
import { formatDurationSeconds } from '../../core/time.js';
import type { DiagnoseResult } from '../../analyzers/diagnose.js';
import { diagnose, type DiagnoseSource, type SourceRun } from '../../app/diagnose.js';
import { connectPrometheus } from '../../app/prometheus.js';
import type { ProfileName } from '../../knowledge/profiles.js';
import type { CommandModule, RunContext } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { exitCodeFor, parseFailOn } from '../outcome.js';
import { prometheusSettings, type PromFlags } from '../prometheus-flags.js';
import { checkOutputFile, emitReport, type OutputFlags } from '../report-output.js';

interface DiagnoseFlags extends OutputFlags, PromFlags {
  readonly metricsFile?: string[];
  /** Seconds. */
  readonly window: number;
  /** Unix seconds. */
  readonly time?: number;
  readonly profile?: ProfileName;
  readonly failOn: string;
  readonly topk: number;
  readonly summary?: boolean;
}

/** Exactly one source; a URL from $KUBETUNE_PROMETHEUS_URL gives way to --metrics-file. */
function sourceFrom(flags: DiagnoseFlags, ctx: RunContext): DiagnoseSource {
  const fromEnv = ctx.source('prometheus') === 'env';
  const offline = Boolean(flags.metricsFile?.length);
  if (offline && (fromEnv || !flags.prometheus)) return { metricsFiles: flags.metricsFile! };
  if (offline || !flags.prometheus)
    throw new UsageError('diagnose needs exactly one of --prometheus <url> or --metrics-file <file...>');
  return { prometheus: connectPrometheus(prometheusSettings(flags, ctx.io.env, 'diagnose')) };
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

export const diagnoseCommand: CommandModule<DiagnoseFlags> = {
  async run(_args, flags, ctx) {
    checkOutputFile(flags, ctx.io.cwd);
    const failOn = parseFailOn(flags.failOn);
    const windowSeconds = Math.round(flags.window);
    const started = performance.now();
    const { report, result, run } = await diagnose(
      {
        source: sourceFrom(flags, ctx),
        windowSeconds,
        ...(flags.time !== undefined ? { timeSeconds: flags.time } : {}),
        profile: flags.profile ?? 'guide',
        topk: flags.topk,
        labels: {
          window: formatDurationSeconds(windowSeconds),
          ...(flags.time !== undefined ? { time: new Date(flags.time * 1000).toISOString() } : {}),
        },
      },
      { clock: ctx.io },
    );
    emitReport(report, flags, ctx);
    if (flags.summary !== false) ctx.io.stderr.write(summaryLine(run, result, performance.now() - started));
    ctx.setExit(exitCodeFor(report, failOn));
    // nothing measured is never "healthy"
    if (!result.kpis.some((k) => k.status !== 'not-measured' && k.status !== 'error')) ctx.setExit(EXIT.input);
  },
};
