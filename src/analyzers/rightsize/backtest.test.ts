import { describe, expect, it } from 'vitest';
import { containerKey } from './aggregate.js';
import { backtest } from './backtest.js';
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
      recommendations: new Map([
        ['guide', [rec('guide', { cpuRequest: 100, cpuLimit: 200, memoryRequest: 100, memoryLimit: 300 })]],
        ['krr-simple', [rec('krr-simple', { cpuRequest: 100, memoryRequest: 250, memoryLimit: 250 })]],
      ]),
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
  });

  it('containers without a recommendation are not judged', () => {
    const r = { ...rec('guide'), status: 'not-enough-data' as const };
    const result = backtest({
      recommendations: new Map([['guide', [r]]]),
      cpu: [series('api-1', [1e9])],
      memory: [series('api-1', [1e12])],
      resolve: (_ns, _pod, c) => containerKey(W, c),
      stepSeconds: 60,
      trainSeconds: { start: 0, end: 1 },
      replaySeconds: { start: 1, end: 2 },
    });
    expect(result.strategies[0]!.totals).toMatchObject({ oomSamples: 0, throttledMinutes: 0, notEnoughData: 1 });
  });
});
