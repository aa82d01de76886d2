/**
 * Backtest: recommendations learned on the first part of the window are replayed against the rest. Every pod of a
 * workload is checked against its container's recommended values: a memory sample above the recommended limit is
 * a simulated OOM kill, a CPU minute above the recommended limit is throttling; savings compare against the current
 * spec. One result per strategy, side by side.
 */
import type { RangeSeries } from '../../model/prom-api.js';
import { containerKey } from './aggregate.js';
import type { Prices } from './params.js';
import { monthlyCost, totalsOf } from './recommend.js';
import type {
  ContainerRecommendation,
  CoverageGap,
  ResourceValues,
  Savings,
  StrategyName,
  WorkloadRef,
} from './types.js';

export interface ContainerReplay {
  readonly workload: WorkloadRef;
  readonly container: string;
  readonly status: ContainerRecommendation['status'];
  /** What the strategy learned on the training part (absent when it recommended nothing). */
  readonly learned?: ResourceValues;
  /** Why nothing was learned: observed vs needed coverage. */
  readonly gap?: CoverageGap;
  /** Monthly cost of the requests the replay ran with (learned, or the current spec without a recommendation). */
  readonly monthlyCost: number;
  /** Memory samples above the recommended memory limit (each one an OOM kill in real life). */
  readonly oomSamples: number;
  /** Minutes of CPU usage above the recommended CPU limit (throttled). */
  readonly throttledMinutes: number;
  /** Minutes of CPU usage above the recommended CPU request (the node must have spare capacity). */
  readonly minutesAboveCpuRequest: number;
  /** Replayed CPU minutes (over every pod). */
  readonly replayMinutes: number;
  readonly samples: number;
  readonly savings?: Savings;
}

/** The containers that drive a total, largest first (`namespace/kind/name/container`). */
export interface Drivers {
  readonly cost: readonly string[];
  readonly oom: readonly string[];
  readonly throttled: readonly string[];
}

export interface StrategyBacktest {
  readonly strategy: StrategyName;
  /** The strategy, or the strategy with a CPU-limit policy (`guide --cpu-limit keep-ratio`). */
  readonly label: string;
  readonly containers: readonly ContainerReplay[];
  readonly totals: {
    /** Monthly cost of every container's requests during the replay (at the configured prices). */
    readonly monthlyCost: number;
    readonly cpuCores: number;
    readonly memoryGiB: number;
    readonly oomSamples: number;
    readonly containersWithOom: number;
    readonly throttledMinutes: number;
    /** Throttled minutes ÷ replayed CPU minutes of the containers with a recommendation. */
    readonly throttledShare: number;
    readonly containersThrottled: number;
    readonly savings: Savings;
    readonly notEnoughData: number;
  };
  readonly drivers: Drivers;
}

export interface BacktestResult {
  readonly trainSeconds: { readonly start: number; readonly end: number };
  readonly replaySeconds: { readonly start: number; readonly end: number };
  readonly strategies: readonly StrategyBacktest[];
}

/** Maps a replayed series to its (workload, container) key. */
export type SeriesResolver = (namespace: string, pod: string, container: string) => string;

interface Counts {
  oom: number;
  throttled: number;
  aboveRequest: number;
  minutes: number;
  samples: number;
}
const zero = (): Counts => ({ oom: 0, throttled: 0, aboveRequest: 0, minutes: 0, samples: 0 });
const countAbove = (values: RangeSeries['values'], limit: number | undefined): number =>
  limit === undefined ? 0 : values.reduce((n, [, v]) => (v > limit ? n + 1 : n), 0);

/** Per (workload, container): samples over the recommended memory limit, CPU samples over the CPU limit/request. */
function countViolations(recs: readonly ContainerRecommendation[], input: BacktestInput): Map<string, Counts> {
  const byKey = new Map(recs.map((r) => [containerKey(r.workload, r.container), r.recommended]));
  const counts = new Map<string, Counts>();
  const at = (s: RangeSeries): { c: Counts; rec: ContainerRecommendation['recommended'] } => {
    const k = input.resolve(s.labels['namespace'] ?? '', s.labels['pod'] ?? '', s.labels['container'] ?? '');
    const c = counts.get(k) ?? zero();
    counts.set(k, c);
    return { c, rec: byKey.get(k) };
  };
  for (const s of input.memory) {
    const { c, rec } = at(s);
    c.samples += s.values.length;
    c.oom += countAbove(s.values, rec?.memoryLimit);
  }
  const minute = input.stepSeconds / 60;
  for (const s of input.cpu) {
    const { c, rec } = at(s);
    c.minutes += s.values.length * minute;
    c.throttled += countAbove(s.values, rec?.cpuLimit) * minute;
    c.aboveRequest += countAbove(s.values, rec?.cpuRequest) * minute;
  }
  return counts;
}

function replayOne(recs: readonly ContainerRecommendation[], input: BacktestInput): StrategyBacktest['containers'] {
  const counts = countViolations(recs, input);
  return recs.map((r) => {
    const c = counts.get(containerKey(r.workload, r.container)) ?? zero();
    const ok = r.status === 'ok';
    return {
      workload: r.workload,
      container: r.container,
      status: r.status,
      ...(r.recommended ? { learned: r.recommended } : {}),
      ...(r.gap ? { gap: r.gap } : {}),
      monthlyCost: round2(monthlyCost(ok && r.recommended ? r.recommended : r.current, r.replicas, input.prices)),
      oomSamples: ok ? c.oom : 0,
      throttledMinutes: ok ? c.throttled : 0,
      minutesAboveCpuRequest: ok ? c.aboveRequest : 0,
      replayMinutes: c.minutes,
      samples: c.samples,
      ...(r.savings ? { savings: r.savings } : {}),
    };
  });
}

export interface BacktestRun {
  readonly strategy: StrategyName;
  readonly label: string;
  readonly recommendations: readonly ContainerRecommendation[];
}

export interface BacktestInput {
  readonly runs: readonly BacktestRun[];
  readonly cpu: readonly RangeSeries[];
  readonly memory: readonly RangeSeries[];
  readonly resolve: SeriesResolver;
  readonly stepSeconds: number;
  readonly prices: Prices;
  readonly trainSeconds: { readonly start: number; readonly end: number };
  readonly replaySeconds: { readonly start: number; readonly end: number };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const GiB = 2 ** 30;
const nameOf = (c: ContainerReplay): string =>
  `${c.workload.namespace}/${c.workload.kind}/${c.workload.name}/${c.container}`;
const top = (containers: readonly ContainerReplay[], by: (c: ContainerReplay) => number, n = 3): string[] =>
  containers
    .filter((c) => by(c) > 0)
    .sort((a, b) => by(b) - by(a) || nameOf(a).localeCompare(nameOf(b)))
    .slice(0, n)
    .map(nameOf);

function totalsOfRun(run: BacktestRun, containers: readonly ContainerReplay[]): StrategyBacktest['totals'] {
  const t = totalsOf(run.recommendations);
  const sum = (f: (c: ContainerReplay) => number) => containers.reduce((n, c) => n + f(c), 0);
  let cpuCores = 0;
  let memoryGiB = 0;
  for (const r of run.recommendations) {
    const v = r.status === 'ok' && r.recommended ? r.recommended : r.current;
    cpuCores += ((v.cpuRequest ?? 0) / 1000) * r.replicas;
    memoryGiB += ((v.memoryRequest ?? 0) / GiB) * r.replicas;
  }
  const judged = sum((c) => (c.status === 'ok' ? c.replayMinutes : 0));
  const throttledMinutes = sum((c) => c.throttledMinutes);
  return {
    monthlyCost: round2(sum((c) => c.monthlyCost)),
    cpuCores: Math.round(cpuCores * 1000) / 1000,
    memoryGiB: Math.round(memoryGiB * 1000) / 1000,
    oomSamples: sum((c) => c.oomSamples),
    containersWithOom: containers.filter((c) => c.oomSamples > 0).length,
    throttledMinutes,
    throttledShare: judged > 0 ? throttledMinutes / judged : 0,
    containersThrottled: containers.filter((c) => c.throttledMinutes > 0).length,
    savings: t.savings,
    notEnoughData: t.notEnoughData + t.noData,
  };
}

export function backtest(input: BacktestInput): BacktestResult {
  const strategies = input.runs.map((run): StrategyBacktest => {
    const containers = replayOne(run.recommendations, input);
    return {
      strategy: run.strategy,
      label: run.label,
      containers,
      totals: totalsOfRun(run, containers),
      drivers: {
        cost: top(containers, (c) => c.monthlyCost),
        oom: top(containers, (c) => c.oomSamples),
        throttled: top(containers, (c) => c.throttledMinutes),
      },
    };
  });
  return { trainSeconds: input.trainSeconds, replaySeconds: input.replaySeconds, strategies };
}
