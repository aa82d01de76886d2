/**
 * `kubetune rightsize`: requests, limits and runtime settings from usage history in Prometheus.
 */
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { parseBytes, parseCpu } from '../../core/units.js';
import { PROFILES } from '../../knowledge/profiles.js';
import { DEFAULT_PARAMS, type CpuLimitPolicy, type RightsizeParams } from '../../analyzers/rightsize/params.js';
import { isStrategyName, STRATEGY_NAMES } from '../../analyzers/rightsize/types.js';
import { PrometheusClient } from '../../sources/prometheus/client.js';
import type { CommandModule } from '../command.js';
import type { CliIo } from '../io.js';
import { EXIT } from '../exit-codes.js';
import { stderrProgress } from '../live-progress.js';
import { addOutputOptions, emitReport, profileOption, type OutputFlags } from './audit.js';
import { rightsize, type RightsizeOptions, type SpecSource } from '../../app/rightsize.js';
import { parseSpan, parseTime } from './rightsize-flags.js';

interface RightsizeFlags extends OutputFlags {
  readonly prometheus?: string;
  readonly prometheusToken?: string;
  readonly strategy: string;
  readonly history: string;
  readonly resolution: string;
  readonly end?: string;
  readonly namespace?: string[];
  readonly profile?: keyof typeof PROFILES;
  readonly cpuPercentile?: string;
  readonly cpuLimitFactor?: string;
  readonly memoryRequestFactor?: string;
  readonly memoryLimitFactor?: string;
  readonly minCpu?: string;
  readonly minMemory?: string;
  readonly cpuStep?: string;
  readonly memoryStep?: string;
  readonly minPoints?: string;
  readonly minHours?: string;
  readonly throttlingBudget?: string;
  readonly cpuLimit: string;
  readonly priceCpu?: string;
  readonly priceMemory?: string;
  readonly currency?: string;
  readonly backtest?: boolean;
  readonly trainFraction: string;
  readonly patches?: string;
  readonly kustomize?: string;
  readonly kustomizeBase: string;
  readonly helmValues?: string;
  readonly apply?: boolean;
  readonly maxSeriesPerQuery: string;
  /** commander's `--no-recording-rules`: true unless given. */
  readonly recordingRules: boolean;
  readonly includeUnmanaged?: boolean;
  readonly live?: boolean;
  readonly kubeconfig?: string;
  readonly context?: string;
}

function num(
  flag: string,
  v: string | undefined,
  fallback: number,
  check: (n: number) => boolean = (n) => n >= 0,
): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`--${flag}: not a valid number: ${JSON.stringify(v)}`);
  return n;
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
    historySeconds: parseSpan('history', f.history),
    resolutionSeconds: parseSpan('resolution', f.resolution),
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

function prometheusFrom(flags: RightsizeFlags, io: CliIo): PrometheusClient {
  const url = flags.prometheus ?? io.env['KUBETUNE_PROMETHEUS_URL'];
  if (!url) throw new UsageError('rightsize needs --prometheus <url> (or KUBETUNE_PROMETHEUS_URL)');
  const token = flags.prometheusToken ?? io.env['KUBETUNE_PROMETHEUS_TOKEN'];
  return new PrometheusClient({ url, ...(token ? { bearerToken: token } : {}) });
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

export const rightsizeCommand: CommandModule = {
  name: 'rightsize',
  register(program, ctx) {
    const cmd = program
      .command('rightsize')
      .description(
        'Recommend requests, limits and runtime settings from usage history in Prometheus; [paths] hold the current manifests',
      )
      .argument(
        '[paths...]',
        'manifests with the current spec (files, directories, globs, - for stdin); kube-state-metrics otherwise',
      )
      .option('--prometheus <url>', 'Prometheus-compatible API base URL (or $KUBETUNE_PROMETHEUS_URL)')
      .option('--prometheus-token <token>', 'bearer token for Prometheus (or $KUBETUNE_PROMETHEUS_TOKEN)')
      .addOption(new Option('--strategy <name>', 'strategy').choices(STRATEGY_NAMES).default('guide'))
      .option('--history <span>', 'history window (e.g. 14d, 36h)', '14d')
      .option('--resolution <span>', 'sample step: CPU rates and quantiles (e.g. 1m)', '1m')
      .option('--end <time>', 'end of the window (RFC 3339 or unix seconds; default now)')
      .option('-n, --namespace <ns...>', 'only these namespaces')
      .addOption(profileOption())
      .option('--cpu-percentile <p>', 'CPU request percentile (guide)', '95')
      .option('--cpu-limit-factor <x>', 'CPU limit = x × peak (guide)')
      .option('--memory-request-factor <x>', 'memory request = x × steady state (guide)')
      .option('--memory-limit-factor <x>', 'memory limit = x × peak (guide)')
      .option('--min-cpu <q>', 'minimum CPU request (e.g. 10m)')
      .option('--min-memory <q>', 'minimum memory request (e.g. 16Mi)')
      .option('--cpu-step <q>', 'round CPU up to this step (e.g. 5m)')
      .option('--memory-step <q>', 'round memory up to this step (e.g. 1Mi)')
      .option('--min-points <n>', 'samples needed before recommending (else "not enough data")')
      .option('--min-hours <h>', 'hours of history needed before recommending')
      .option('--throttling-budget <pct>', 'throttled CFS periods (%) tolerated before the CPU limit is raised')
      .addOption(
        new Option(
          '--cpu-limit <policy>',
          'CPU limits: as the strategy says (guide: none where bursts would need a high ratio), keep-ratio (raise the request to keep a limit within the ratio), or none',
        )
          .choices(['strategy', 'keep-ratio', 'none'])
          .default('strategy'),
      )
      .option('--price-cpu <n>', 'price of one core per hour')
      .option('--price-memory <n>', 'price of one GiB per hour')
      .option('--currency <code>', 'currency of the prices')
      .option('--backtest', 'learn on the first part of the window, replay the rest, for every strategy')
      .option('--train-fraction <f>', 'share of the window used for learning in --backtest', '0.5')
      .option('--patches <dir>', 'write one strategic-merge patch per workload into <dir>')
      .option('--kustomize <dir>', 'write a kustomize overlay into <dir>')
      .option('--kustomize-base <path>', 'what the overlay builds on, relative to its directory', '../base')
      .option('--helm-values <file>', 'write a Helm values snippet')
      .option('--apply', 'write the recommendations into the given manifest files (comments preserved)')
      .option('--max-series-per-query <n>', 'containers per query before a namespace is split by pods', '1000')
      .option(
        '--no-recording-rules',
        "always compute CPU rates from the raw cAdvisor counters, even where kube-prometheus' recorded rate covers the window",
      )
      .option('--include-unmanaged', 'with manifests, also report measured workloads the manifests do not describe')
      .option('--live', 'read the current spec (workloads, HPAs) from the cluster instead of files')
      .option('--kubeconfig <file>', 'kubeconfig for --live')
      .option('--context <name>', 'kube context for --live');
    addOutputOptions(cmd).action(async (paths: string[], flags: RightsizeFlags) => {
      if (flags.apply && paths.length === 0) throw new UsageError('--apply needs the manifest files to write');
      const params = paramsFrom(flags);
      const prom = prometheusFrom(flags, ctx.io);
      const spec = specFrom(paths, flags);
      const trainFraction = num('train-fraction', flags.trainFraction, 0.5, (n) => n > 0 && n < 1);
      const { report } = await rightsize(
        {
          params,
          ...(spec ? { spec } : {}),
          ...(flags.end ? { endSeconds: parseTime(flags.end) } : {}),
          ...(flags.namespace?.length ? { namespaces: flags.namespace } : {}),
          maxSeriesPerQuery: num('max-series-per-query', flags.maxSeriesPerQuery, 1000, (n) => n >= 1),
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
    });
  },
};
