/**
 * The rightsize pipeline behind the command: manifests → specs, Prometheus → evidence, strategy → recommendations,
 * optional backtest, then the GitOps outputs. The pure work lives in analyzers/rightsize and generate/rightsize.
 */
import {
  aggregateEvidence,
  containerKey,
  indexOwners,
  initContainerRoles,
  resolveWorkload,
  workloadKey,
} from '../analyzers/rightsize/aggregate.js';
import { rightsize, type RightsizeOutcome } from '../analyzers/rightsize/analyze.js';
import { backtest, type BacktestResult } from '../analyzers/rightsize/backtest.js';
import { collectPodStats, collectReplay, type RightsizePromApi } from '../analyzers/rightsize/collect.js';
import type { RightsizeParams } from '../analyzers/rightsize/params.js';
import { SPEC_STATS } from '../analyzers/rightsize/queries.js';
import { hpaTargets, hpaTargetsFromKsm, refOfWorkload, specsFromWorkloads } from '../analyzers/rightsize/spec.js';
import { statsNeeded } from '../analyzers/rightsize/strategies.js';
import { checkBacktestTraining } from '../analyzers/rightsize/window.js';
import {
  STRATEGY_NAMES,
  type ContainerEvidence,
  type ContainerSpec,
  type StrategyName,
  type WorkloadRef,
} from '../analyzers/rightsize/types.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { Snapshot } from '../model/snapshot.js';
import type { ReadResult } from '../sources/files/read.js';

export interface RightsizeRunOptions {
  readonly params: RightsizeParams;
  readonly endSeconds: number;
  readonly namespaces?: readonly string[];
  readonly maxSeriesPerQuery?: number;
  readonly includeUnmanaged?: boolean;
  /** Take CPU statistics from a recorded CPU rate where one covers the window (default true). */
  readonly useRecordingRules?: boolean;
  /** Share of the window used for learning when backtesting (the rest is replayed). */
  readonly backtestTrainFraction?: number;
}

export interface RightsizeRun {
  readonly outcome: RightsizeOutcome;
  readonly backtest?: BacktestResult;
  readonly specs: readonly ContainerSpec[];
  readonly queries: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly window: { readonly startSeconds: number; readonly endSeconds: number };
}

interface Manifests {
  readonly specs: ContainerSpec[];
  readonly known: WorkloadRef[];
  readonly replicas: Map<string, number>;
}

export function manifestsOf(read: ReadResult | undefined): Manifests {
  if (!read) return { specs: [], known: [], replicas: new Map() };
  const snapshot = new Snapshot(read.resources);
  const workloads = snapshot.workloads;
  const specs = specsFromWorkloads(workloads, hpaTargets(read.resources));
  const replicas = new Map<string, number>();
  for (const w of workloads) if (w.replicas !== undefined) replicas.set(workloadKey(refOfWorkload(w)), w.replicas);
  return { specs, known: workloads.map(refOfWorkload), replicas };
}

interface EvidenceRequest {
  readonly manifests: Manifests;
  readonly strategies: readonly StrategyName[];
  readonly window: { readonly end: number; readonly seconds: number };
  readonly opts: RightsizeRunOptions;
}

async function evidenceFor(prom: RightsizePromApi, { manifests: m, strategies, window, opts }: EvidenceRequest) {
  const withHpa = m.specs.some((s) => s.hpa !== undefined);
  const stats = [
    ...statsNeeded(strategies, withHpa),
    ...(m.specs.length === 0 || opts.includeUnmanaged ? SPEC_STATS : []),
  ];
  const namespaces =
    opts.namespaces ?? (m.specs.length ? [...new Set(m.specs.map((s) => s.workload.namespace))] : undefined);
  const collected = await collectPodStats(prom, {
    endSeconds: window.end,
    windowSeconds: window.seconds,
    resolutionSeconds: opts.params.resolutionSeconds,
    cpuPercentile: opts.params.cpuPercentile,
    stats,
    hpaStats: ['cpuP50', 'memP50'],
    ...(namespaces ? { namespaces } : {}),
    ...(opts.maxSeriesPerQuery ? { maxSeriesPerQuery: opts.maxSeriesPerQuery } : {}),
    ...(opts.useRecordingRules === false ? { useRecordingRules: false } : {}),
  });
  const owners = indexOwners(collected.owners);
  const evidence = aggregateEvidence(collected.pods.values(), owners, m.known, {
    resolutionSeconds: opts.params.resolutionSeconds,
    windowSeconds: window.seconds,
    replicas: m.replicas,
  });
  const roles = initContainerRoles(collected.owners, owners, m.known);
  const hpas = hpaTargetsFromKsm(collected.owners, collected.hpaTargets);
  return { collected, owners, evidence, namespaces, roles, hpas };
}

/** Says where CPU statistics came from when a recording rule served them (the figures are the same kind). */
function recordedCpuNote(byNamespace: ReadonlyMap<string, string>): Diagnostic[] {
  if (byNamespace.size === 0) return [];
  const rules = [...new Set(byNamespace.values())].join(', ');
  return [
    {
      code: 'source-info',
      severity: 'info',
      message: `CPU statistics of ${byNamespace.size} namespace(s) from the recorded rate ${rules} (no per-minute subquery; --no-recording-rules to use the raw counters)`,
    },
  ];
}

function promDiagnostics(warnings: readonly string[], partial: boolean): Diagnostic[] {
  const out: Diagnostic[] = [...new Set(warnings)].map((w) => ({
    code: 'source-error',
    severity: 'warning',
    message: `Prometheus: ${w}`,
  }));
  if (partial)
    out.push({ code: 'source-error', severity: 'warning', message: 'Prometheus answered with partial data' });
  return out;
}

export async function runRightsize(
  prom: RightsizePromApi,
  read: ReadResult | undefined,
  opts: RightsizeRunOptions,
): Promise<RightsizeRun> {
  const m = manifestsOf(read);
  const p = opts.params;
  if (opts.backtestTrainFraction !== undefined)
    checkBacktestTraining(Math.round(p.historySeconds * opts.backtestTrainFraction), p);
  const main = await evidenceFor(prom, {
    manifests: m,
    strategies: [p.strategy],
    window: { end: opts.endSeconds, seconds: p.historySeconds },
    opts,
  });
  const input = {
    specs: m.specs,
    evidence: main.evidence,
    roles: main.roles,
    hpas: main.hpas,
    ...(opts.includeUnmanaged ? { includeUnmanaged: true } : {}),
  };
  const outcome = rightsize(input, p.strategy, p);
  const diagnostics = [
    ...(read?.diagnostics ?? []),
    ...promDiagnostics(main.collected.warnings, main.collected.partial),
    ...recordedCpuNote(main.collected.cpuRecorded),
  ];
  let queries = main.collected.queries;
  let bt: BacktestResult | undefined;
  if (opts.backtestTrainFraction !== undefined) {
    const start = opts.endSeconds - p.historySeconds;
    const split = start + Math.round(p.historySeconds * opts.backtestTrainFraction);
    const train = await evidenceFor(prom, {
      manifests: m,
      strategies: STRATEGY_NAMES,
      window: { end: split, seconds: split - start },
      opts,
    });
    const learn = (strategy: StrategyName, params: RightsizeParams) =>
      rightsize({ ...input, evidence: train.evidence }, strategy, { ...params, historySeconds: split - start })
        .recommendations;
    const runs = [
      ...STRATEGY_NAMES.map((s) => ({ strategy: s, label: s, recommendations: learn(s, p) })),
      // The other side of guide's CPU trade-off: a limit kept within the ratio by raising the request.
      ...(p.cpuLimitPolicy === 'strategy'
        ? [
            {
              strategy: 'guide' as const,
              label: 'guide --cpu-limit keep-ratio',
              recommendations: learn('guide', { ...p, cpuLimitPolicy: 'keep-ratio' }),
            },
          ]
        : []),
    ];
    const namespaces = train.namespaces ?? [
      ...new Set([...train.evidence.values()].map((e: ContainerEvidence) => e.workload.namespace)),
    ];
    // The sample at `split` belongs to the training part: the replay starts one step later.
    const replay = await collectReplay(prom, {
      startSeconds: split + p.resolutionSeconds,
      endSeconds: opts.endSeconds,
      resolutionSeconds: p.resolutionSeconds,
      namespaces,
    });
    queries += train.collected.queries + replay.queries;
    bt = backtest({
      runs,
      prices: p.prices,
      cpu: replay.cpu,
      memory: replay.memory,
      resolve: (ns, pod, container) => containerKey(resolveWorkload(ns, pod, train.owners, m.known), container),
      stepSeconds: p.resolutionSeconds,
      trainSeconds: { start, end: split },
      replaySeconds: { start: split, end: opts.endSeconds },
    });
  }
  return {
    outcome,
    ...(bt ? { backtest: bt } : {}),
    specs: m.specs,
    queries,
    diagnostics,
    window: { startSeconds: opts.endSeconds - p.historySeconds, endSeconds: opts.endSeconds },
  };
}
