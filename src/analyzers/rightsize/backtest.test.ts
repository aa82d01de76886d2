import { describe, expect, it } from 'vitest';
import { containerKey } from './aggregate.js';
import { backtest } from './backtest.js';
import { DEFAULT_PRICES } from './params.js';
import type { ContainerRecommendation } from './types.js';

const W = { namespace: 'shop', kind: 'Deployment', name: 'api' };
const rec = (
  strategy: 'guide' | 'krr-simple',
  recommended?: ContainerRecommendation['recommended'],
): ContainerRecommendation => ({
  workload: W,
  container: 'app',
  role: 'app',
  strategy,
  status: 'ok',
  current: { cpuRequest: 500, memoryRequest: 512 },
  ...(recommended ? { recommended } : {}),
  reasons: [],
  runtime: [],
  replicas: 2,
  savings: { cpuCores: 0.5, memoryGiB: 0, monthlyCost: 10 },
  drift: 0.5,
});
const series = (pod: string, values: number[]) => ({
  labels: { namespace: 'shop', pod, container: 'app' },
  values: values.map((v, i) => [i * 60, v] as const),
});

describe('backtest', () => {
  it('counts, for every pod of the workload, memory samples over the limit and CPU minutes over the limit', () => {
    const result = backtest({
      runs: [
        {
          strategy: 'guide',
          label: 'guide',
          recommendations: [rec('guide', { cpuRequest: 100, cpuLimit: 200, memoryRequest: 100, memoryLimit: 300 })],
        },
        {
          strategy: 'krr-simple',
          label: 'krr-simple',
          recommendations: [rec('krr-simple', { cpuRequest: 100, memoryRequest: 250, memoryLimit: 250 })],
        },
      ],
      prices: DEFAULT_PRICES,
      cpu: [series('api-1', [50, 150, 250, 300]), series('api-2', [210, 10])],
      memory: [series('api-1', [100, 260, 310]), series('api-2', [299, 301])],
      resolve: (_ns, _pod, c) => containerKey(W, c),
      stepSeconds: 60,
      trainSeconds: { start: 0, end: 1 },
      replaySeconds: { start: 1, end: 2 },
    });
    const [guide, krr] = result.strategies;
    expect(guide!.containers[0]).toMatchObject({
      oomSamples: 2,
      throttledMinutes: 3,
      minutesAboveCpuRequest: 4,
      samples: 5,
    });
    expect(krr!.containers[0]).toMatchObject({ oomSamples: 4, throttledMinutes: 0 });
    expect(guide!.totals).toMatchObject({
      oomSamples: 2,
      containersWithOom: 1,
      throttledMinutes: 3,
      containersThrottled: 1,
      notEnoughData: 0,
    });
    expect(guide!.totals.savings.monthlyCost).toBe(10);
    // 6 CPU minutes replayed, 3 above the limit.
    expect(guide!.totals.throttledShare).toBeCloseTo(0.5);
    expect(guide!.drivers).toEqual({
      cost: ['shop/Deployment/api/app'],
      oom: ['shop/Deployment/api/app'],
      throttled: ['shop/Deployment/api/app'],
    });
  });

  it('carries what each strategy learned per container, and the cost of the requests it replayed with', () => {
    const learned = { cpuRequest: 100, memoryRequest: 2 ** 30 };
    const result = backtest({
      runs: [{ strategy: 'guide', label: 'guide', recommendations: [rec('guide', learned)] }],
      prices: DEFAULT_PRICES,
      cpu: [],
      memory: [],
      resolve: (_ns, _pod, c) => containerKey(W, c),
      stepSeconds: 60,
      trainSeconds: { start: 0, end: 1 },
      replaySeconds: { start: 1, end: 2 },
    });
    const [c] = result.strategies[0]!.containers;
    expect(c!.learned).toEqual(learned);
    // 2 replicas × (0.1 core × 0.0316 + 1 GiB × 0.0042) per hour × 730 h.
    expect(c!.monthlyCost).toBeCloseTo(2 * (0.1 * 0.0316 + 0.0042) * 730, 2);
    expect(result.strategies[0]!.totals).toMatchObject({ cpuCores: 0.2, memoryGiB: 2 });
  });

  it('the spike case replayed: no CPU limit absorbs the spike (0 throttled minutes), memory under its limit (0 OOM)', () => {
    const spikeRec = rec('guide', { cpuRequest: 20, memoryRequest: 100, memoryLimit: 200 });
    const result = backtest({
      runs: [{ strategy: 'guide', label: 'guide', recommendations: [spikeRec] }],
      prices: DEFAULT_PRICES,
      cpu: [series('api-1', [15, 17, 520, 480, 16, 14])],
      memory: [series('api-1', [100, 110, 150, 140, 100, 100])],
      resolve: (_ns, _pod, c) => containerKey(W, c),
      stepSeconds: 60,
      trainSeconds: { start: 0, end: 1 },
      replaySeconds: { start: 1, end: 2 },
    });
    expect(result.strategies[0]!.totals).toMatchObject({ oomSamples: 0, throttledMinutes: 0, throttledShare: 0 });
    expect(result.strategies[0]!.containers[0]!.minutesAboveCpuRequest).toBe(2);
  });

  it('containers without a recommendation are not judged', () => {
    const gap = { observedHours: 3, neededHours: 12, observedPoints: 180, neededPoints: 100, missingSeries: [] };
    const r = { ...rec('guide'), status: 'not-enough-data' as const, gap };
    const result = backtest({
      runs: [{ strategy: 'guide', label: 'guide', recommendations: [r] }],
      prices: DEFAULT_PRICES,
      cpu: [series('api-1', [1e9])],
      memory: [series('api-1', [1e12])],
      resolve: (_ns, _pod, c) => containerKey(W, c),
      stepSeconds: 60,
      trainSeconds: { start: 0, end: 1 },
      replaySeconds: { start: 1, end: 2 },
    });
    expect(result.strategies[0]!.totals).toMatchObject({ oomSamples: 0, throttledMinutes: 0, notEnoughData: 1 });
    expect(result.strategies[0]!.containers[0]!.gap).toEqual(gap);
  });
});
