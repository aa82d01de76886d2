/**
 * Backtest: recommendations learned on the first part of the window are replayed against the rest. Every pod of a
 * workload is checked against its container's recommended values: a memory sample above the recommended limit is
 * a simulated OOM kill, a CPU minute above the recommended limit is throttling; savings compare against the current
 * spec. One result per strategy, side by side.
 */
import type { RangeSeries } from '../../model/prom-api.js';
import { containerKey } from './aggregate.js';
import { totalsOf } from './recommend.js';
import type { ContainerRecommendation, Savings, StrategyName, WorkloadRef } from './types.js';

export interface ContainerReplay {
  readonly workload: WorkloadRef;
  readonly container: string;
  readonly status: ContainerRecommendation['status'];
  /** Memory samples above the recommended memory limit (each one an OOM kill in real life). */
  readonly oomSamples: number;
  /** Minutes of CPU usage above the recommended CPU limit (throttled). */
  readonly throttledMinutes: number;
  /** Minutes of CPU usage above the recommended CPU request (the node must have spare capacity). */
  readonly minutesAboveCpuRequest: number;
  readonly samples: number;
  readonly savings?: Savings;
}

export interface StrategyBacktest {
  readonly strategy: StrategyName;
  readonly containers: readonly ContainerReplay[];
  readonly totals: {
    readonly oomSamples: number;
    readonly containersWithOom: number;
    readonly throttledMinutes: number;
    readonly containersThrottled: number;
    readonly savings: Savings;
    readonly notEnoughData: number;
  };
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
  samples: number;
}
const zero = (): Counts => ({ oom: 0, throttled: 0, aboveRequest: 0, samples: 0 });
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
      oomSamples: ok ? c.oom : 0,
      throttledMinutes: ok ? c.throttled : 0,
      minutesAboveCpuRequest: ok ? c.aboveRequest : 0,
      samples: c.samples,
      ...(r.savings ? { savings: r.savings } : {}),
    };
  });
}

export interface BacktestInput {
  readonly recommendations: ReadonlyMap<StrategyName, readonly ContainerRecommendation[]>;
  readonly cpu: readonly RangeSeries[];
  readonly memory: readonly RangeSeries[];
  readonly resolve: SeriesResolver;
  readonly stepSeconds: number;
  readonly trainSeconds: { readonly start: number; readonly end: number };
  readonly replaySeconds: { readonly start: number; readonly end: number };
}

export function backtest(input: BacktestInput): BacktestResult {
  const strategies: StrategyBacktest[] = [];
  for (const [strategy, recs] of input.recommendations) {
    const containers = replayOne(recs, input);
    const t = totalsOf(recs);
    strategies.push({
      strategy,
      containers,
      totals: {
        oomSamples: containers.reduce((n, c) => n + c.oomSamples, 0),
        containersWithOom: containers.filter((c) => c.oomSamples > 0).length,
        throttledMinutes: containers.reduce((n, c) => n + c.throttledMinutes, 0),
        containersThrottled: containers.filter((c) => c.throttledMinutes > 0).length,
        savings: t.savings,
        notEnoughData: t.notEnoughData + t.noData,
      },
    });
  }
  return { trainSeconds: input.trainSeconds, replaySeconds: input.replaySeconds, strategies };
}
