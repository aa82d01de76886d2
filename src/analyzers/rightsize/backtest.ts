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

function replayOne(
  recs: readonly ContainerRecommendation[],
  cpu: readonly RangeSeries[],
  memory: readonly RangeSeries[],
  resolve: SeriesResolver,
  stepSeconds: number,
): StrategyBacktest['containers'] {
  const byKey = new Map(recs.map((r) => [containerKey(r.workload, r.container), r]));
  const counts = new Map<string, Counts>();
  const bump = (k: string): Counts => {
    const c = counts.get(k) ?? { oom: 0, throttled: 0, aboveRequest: 0, samples: 0 };
    counts.set(k, c);
    return c;
  };
  const minute = stepSeconds / 60;
  for (const s of memory) {
    const k = resolve(s.labels['namespace'] ?? '', s.labels['pod'] ?? '', s.labels['container'] ?? '');
    const limit = byKey.get(k)?.recommended?.memoryLimit;
    const c = bump(k);
    c.samples += s.values.length;
    if (limit !== undefined) for (const [, v] of s.values) if (v > limit) c.oom++;
  }
  for (const s of cpu) {
    const k = resolve(s.labels['namespace'] ?? '', s.labels['pod'] ?? '', s.labels['container'] ?? '');
    const rec = byKey.get(k)?.recommended;
    const c = bump(k);
    for (const [, v] of s.values) {
      if (rec?.cpuLimit !== undefined && v > rec.cpuLimit) c.throttled += minute;
      if (rec?.cpuRequest !== undefined && v > rec.cpuRequest) c.aboveRequest += minute;
    }
  }
  return recs.map((r) => {
    const c = counts.get(containerKey(r.workload, r.container)) ?? {
      oom: 0,
      throttled: 0,
      aboveRequest: 0,
      samples: 0,
    };
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
    const containers = replayOne(recs, input.cpu, input.memory, input.resolve, input.stepSeconds);
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
