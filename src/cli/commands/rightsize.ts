/**
 * `kubetune rightsize`: requests, limits and runtime settings from usage history in Prometheus.
 */
import { UsageError } from '../../core/errors.js';
import { parseBytes, parseCpu } from '../../core/units.js';
import { PROFILES } from '../../knowledge/profiles.js';
import { DEFAULT_PARAMS, type CpuLimitPolicy, type RightsizeParams } from '../../analyzers/rightsize/params.js';
import { isStrategyName, STRATEGY_NAMES } from '../../analyzers/rightsize/types.js';
import { connectPrometheus } from '../../app/prometheus.js';
import type { CommandModule } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { stderrProgress } from '../live-progress.js';
import { prometheusSettings, type PromFlags } from '../prometheus-flags.js';
import { checkOutputFile, emitReport, type OutputFlags } from '../report-output.js';
import { rightsize, type RightsizeOptions, type SpecSource } from '../../app/rightsize.js';

interface RightsizeFlags extends OutputFlags, PromFlags {
  readonly strategy: string;
  /** Seconds. */
  readonly history: number;
  readonly resolution: number;
  /** Unix seconds. */
  readonly end?: number;
  readonly namespace?: string[];
  readonly profile?: keyof typeof PROFILES;
  readonly cpuPercentile?: number;
  readonly cpuLimitFactor?: number;
  readonly memoryRequestFactor?: number;
  readonly memoryLimitFactor?: number;
  readonly minCpu?: string;
  readonly minMemory?: string;
  readonly cpuStep?: string;
  readonly memoryStep?: string;
  readonly minPoints?: number;
  readonly minHours?: number;
  readonly throttlingBudget?: number;
  readonly cpuLimit: string;
  readonly priceCpu?: number;
  readonly priceMemory?: number;
  readonly currency?: string;
  readonly backtest?: boolean;
  readonly trainFraction: number;
  readonly patches?: string;
  readonly kustomize?: string;
  readonly kustomizeBase: string;
  readonly helmValues?: string;
  readonly apply?: boolean;
  readonly maxSeriesPerQuery: number;
  /** commander's `--no-recording-rules`: true unless given. */
  readonly recordingRules: boolean;
  readonly includeUnmanaged?: boolean;
  readonly live?: boolean;
  readonly kubeconfig?: string;
  readonly context?: string;
}

/** The value, or the fallback; a value outside what `check` allows is a usage error (the table checked the type). */
function num(
  flag: string,
  v: number | undefined,
  fallback: number,
  check: (n: number) => boolean = (n) => n >= 0,
): number {
  if (v === undefined) return fallback;
  if (!Number.isFinite(v) || !check(v)) throw new UsageError(`--${flag}: not a valid number: ${JSON.stringify(v)}`);
  return v;
}

const quantity = (flag: string, v: string | undefined, parse: (s: string) => number, fallback: number): number => {
  if (v === undefined) return fallback;
  try {
    return parse(v);
  } catch {
    throw new UsageError(`--${flag}: not a Kubernetes quantity: ${JSON.stringify(v)}`);
  }
};

export function paramsFrom(f: RightsizeFlags): RightsizeParams {
  if (!isStrategyName(f.strategy)) throw new UsageError(`--strategy must be one of ${STRATEGY_NAMES.join(', ')}`);
  if (!['strategy', 'keep-ratio', 'none'].includes(f.cpuLimit))
    throw new UsageError('--cpu-limit must be strategy, keep-ratio or none');
  const d = DEFAULT_PARAMS;
  const profile = f.profile ? PROFILES[f.profile] : undefined;
  return {
    ...d,
    strategy: f.strategy,
    historySeconds: Math.round(f.history),
    resolutionSeconds: Math.round(f.resolution),
    cpuPercentile: num('cpu-percentile', f.cpuPercentile, d.cpuPercentile * 100, (n) => n > 0 && n <= 100) / 100,
    cpuLimitFactor: num('cpu-limit-factor', f.cpuLimitFactor, d.cpuLimitFactor, (n) => n >= 1),
    memoryRequestFactor: num('memory-request-factor', f.memoryRequestFactor, d.memoryRequestFactor, (n) => n > 0),
    memoryLimitFactor: num('memory-limit-factor', f.memoryLimitFactor, d.memoryLimitFactor, (n) => n >= 1),
    minCpu: quantity('min-cpu', f.minCpu, parseCpu, d.minCpu),
    minMemory: quantity('min-memory', f.minMemory, parseBytes, d.minMemory),
    cpuStep: quantity('cpu-step', f.cpuStep, parseCpu, d.cpuStep),
    memoryStep: quantity('memory-step', f.memoryStep, parseBytes, d.memoryStep),
    minPoints: num('min-points', f.minPoints, d.minPoints),
    minHours: num('min-hours', f.minHours, d.minHours),
    throttlingBudget:
      num('throttling-budget', f.throttlingBudget, d.throttlingBudget * 100, (n) => n >= 0 && n <= 100) / 100,
    cpuLimitPolicy: f.cpuLimit as CpuLimitPolicy,
    ...(profile
      ? { cpuLimitToRequest: profile.cpuLimitToRequest, memoryLimitToRequest: profile.memoryLimitToRequest }
      : {}),
    prices: {
      cpuCoreHour: num('price-cpu', f.priceCpu, d.prices.cpuCoreHour),
      memoryGiBHour: num('price-memory', f.priceMemory, d.prices.memoryGiBHour),
      currency: f.currency ?? d.prices.currency,
    },
  };
}

/** The current spec: manifests from paths, the live cluster with --live, or none (kube-state-metrics then). */
function specFrom(paths: readonly string[], flags: RightsizeFlags): SpecSource | undefined {
  if (flags.live && paths.length) throw new UsageError('--live reads the spec from the cluster: give no paths');
  if (flags.live) {
    return {
      cluster: {
        ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}),
        ...(flags.context ? { context: flags.context } : {}),
        ...(flags.namespace?.length === 1 ? { namespace: flags.namespace[0]! } : {}),
      },
    };
  }
  return paths.length ? { paths } : undefined;
}

const outputsFrom = (flags: RightsizeFlags): NonNullable<RightsizeOptions['outputs']> => ({
  kustomizeBase: flags.kustomizeBase,
  ...(flags.patches ? { patches: flags.patches } : {}),
  ...(flags.kustomize ? { kustomize: flags.kustomize } : {}),
  ...(flags.helmValues ? { helmValues: flags.helmValues } : {}),
  ...(flags.apply ? { apply: true } : {}),
});

/** `kubetune rightsize [paths...]`: recommendations as a report, and the GitOps files asked for. */
export const rightsizeCommand: CommandModule<RightsizeFlags> = {
  async run(paths, flags, ctx) {
    checkOutputFile(flags, ctx.io.cwd);
    if (flags.apply && paths.length === 0) throw new UsageError('--apply needs the manifest files to write');
    const params = paramsFrom(flags);
    const prom = connectPrometheus(prometheusSettings(flags, ctx.io.env, 'rightsize')).client;
    const spec = specFrom(paths, flags);
    const trainFraction = num('train-fraction', flags.trainFraction, 0.5, (n) => n > 0 && n < 1);
    const { report } = await rightsize(
      {
        params,
        ...(spec ? { spec } : {}),
        ...(flags.end !== undefined ? { endSeconds: Math.floor(flags.end) } : {}),
        ...(flags.namespace?.length ? { namespaces: flags.namespace } : {}),
        maxSeriesPerQuery: flags.maxSeriesPerQuery,
        ...(flags.includeUnmanaged ? { includeUnmanaged: true } : {}),
        ...(flags.recordingRules === false ? { useRecordingRules: false } : {}),
        ...(flags.backtest ? { backtestTrainFraction: trainFraction } : {}),
        outputs: outputsFrom(flags),
        profile: flags.profile ?? 'guide',
      },
      {
        prometheus: prom,
        clock: ctx.io,
        env: ctx.io.env,
        stdin: ctx.io.stdin,
        log: ctx.io.stderr,
        progress: stderrProgress(ctx.io.stderr),
      },
    );
    emitReport(report, flags, ctx);
    ctx.setExit(report.diagnostics.some((d) => d.severity === 'error') ? EXIT.input : EXIT.ok);
  },
};
