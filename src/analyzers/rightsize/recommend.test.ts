import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type RightsizeParams } from './params.js';
import { recommendContainer } from './recommend.js';
import type { ContainerEvidence, ContainerSpec } from './types.js';

const MiB = 2 ** 20;
const W = { namespace: 'shop', kind: 'Deployment', name: 'api' };

const evidence = (over: Partial<ContainerEvidence> = {}): ContainerEvidence => ({
  workload: W,
  container: 'app',
  cpu: { p50: 100, p90: 180, p95: 200, p99: 260, max: 300 },
  memory: { p50: 200 * MiB, p95: 240 * MiB, max: 300 * MiB, dailyPeakP90: 280 * MiB },
  coverage: { points: 20_160, hours: 336, pods: 3 },
  oomKills: 0,
  restarts: 0,
  ...over,
});
const spec = (over: Partial<ContainerSpec> = {}): ContainerSpec => ({
  workload: W,
  container: 'app',
  role: 'app',
  current: { cpuRequest: 1000, cpuLimit: 2000, memoryRequest: 1024 * MiB, memoryLimit: 2048 * MiB },
  replicas: 3,
  podContainers: 1,
  shortLived: false,
  env: [],
  args: [],
  command: [],
  ...over,
});
const rec = (
  e: ContainerEvidence,
  s: ContainerSpec,
  strategy: 'guide' | 'krr-simple' | 'vpa' = 'guide',
  p: RightsizeParams = DEFAULT_PARAMS,
) => recommendContainer({ spec: s, evidence: e }, strategy, p);
const codes = (r: ReturnType<typeof rec>) => r.reasons.map((x) => x.code);

describe('strategies', () => {
  it('guide: request = p95, limit = 1.5 × peak, memory request = 1.2 × steady state, limit = 1.5 × peak', () => {
    const r = rec(evidence({ cpu: { p50: 100, p95: 200, max: 250 } }), spec());
    expect(r.status).toBe('ok');
    expect(r.recommended).toEqual({ cpuRequest: 200, cpuLimit: 375, memoryRequest: 240 * MiB, memoryLimit: 450 * MiB });
    expect(r.tradeoff).toBeUndefined();
  });

  it('guide, bursty CPU: the request stays at p95 and no CPU limit is set; both options are reported with their cost', () => {
    // 1.5 × 300 = 450 would be 2.25 × the p95 of 200 > 2: keeping the ratio would raise the request to 225.
    const r = rec(evidence(), spec());
    expect(r.recommended).toEqual({ cpuRequest: 200, memoryRequest: 240 * MiB, memoryLimit: 450 * MiB });
    expect(r.reasons).toContainEqual({
      code: 'cpu-burst',
      resource: 'cpuLimit',
      data: { p95: 200, peak: 300, ratio: 2.25, max: 2 },
    });
    expect(r.tradeoff).toMatchObject({
      neededRatio: 2.25,
      maxRatio: 2,
      chosen: 'no-limit',
      options: [
        { option: 'no-limit', cpuRequest: 200 },
        { option: 'keep-ratio', cpuRequest: 225, cpuLimit: 450 },
      ],
    });
    const [noLimit, keepRatio] = r.tradeoff!.options;
    // 3 replicas × 0.2 cores × 0.0316/h × 730 h.
    expect(noLimit!.monthlyCost).toBeCloseTo(3 * 0.2 * 0.0316 * 730, 2);
    expect(keepRatio!.monthlyCost).toBeGreaterThan(noLimit!.monthlyCost);
    const kept = rec(evidence(), spec(), 'guide', { ...DEFAULT_PARAMS, cpuLimitPolicy: 'keep-ratio' });
    expect(kept.recommended).toMatchObject({ cpuRequest: 225, cpuLimit: 450 });
    expect(kept.tradeoff!.chosen).toBe('keep-ratio');
  });

  it('the spike case: p95 small, one short spike far above it — the request stays near p95, not the spike', () => {
    const r = rec(evidence({ cpu: { p50: 12, p90: 15, p95: 17, max: 500 } }), spec());
    expect(r.recommended!.cpuRequest).toBe(20); // p95 17m rounded up to the 5m step
    expect(r.recommended!.cpuLimit).toBeUndefined();
    expect(r.tradeoff!.options[1]).toMatchObject({ option: 'keep-ratio', cpuRequest: 375, cpuLimit: 750 });
  });

  it('guide memory: no minimum ratio (a limit close to the request stays), the maximum is kept by the request', () => {
    const close = rec(evidence({ memory: { p50: 290 * MiB, max: 300 * MiB } }), spec());
    expect(close.recommended).toMatchObject({ memoryRequest: 348 * MiB, memoryLimit: 450 * MiB });
    expect(close.reasons).not.toContainEqual(
      expect.objectContaining({ code: 'ratio-clamped', resource: 'memoryLimit' }),
    );
    // 1.5 × 600Mi = 900Mi over 1.2 × 100Mi: the request rises to 900 / 2 = 450Mi (memory is never overcommitted > 2×).
    const spiky = rec(evidence({ memory: { p50: 100 * MiB, max: 600 * MiB } }), spec());
    expect(spiky.recommended).toMatchObject({ memoryRequest: 450 * MiB, memoryLimit: 900 * MiB });
  });

  it('krr-simple: CPU request = p95 without limit (the current limit is removed), memory = peak + 15% for both', () => {
    const r = rec(evidence(), spec(), 'krr-simple');
    expect(r.recommended).toEqual({ cpuRequest: 200, memoryRequest: 345 * MiB, memoryLimit: 345 * MiB });
    expect(codes(r)).toContain('no-cpu-limit');
  });

  it('vpa: p90 + 15%, memory from daily peaks, pod minimums shared by containers, limits proportional', () => {
    const r = rec(
      evidence({ cpu: { p90: 10 }, memory: { dailyPeakP90: 40 * MiB, max: 50 * MiB } }),
      spec({ podContainers: 2 }),
      'vpa',
    );
    // 10 × 1.15 = 11.5 < 25m / 2 containers; 46Mi < 250Mi / 2; limits keep the current 2× ratio.
    expect(r.recommended).toEqual({ cpuRequest: 15, cpuLimit: 25, memoryRequest: 125 * MiB, memoryLimit: 250 * MiB });
  });

  it('savings and drift compare requests × replicas', () => {
    const r = rec(evidence(), spec());
    expect(r.savings!.cpuCores).toBeCloseTo(((1000 - 200) * 3) / 1000);
    expect(r.savings!.memoryGiB).toBeCloseTo(((1024 - 240) * 3) / 1024);
    expect(r.savings!.monthlyCost).toBeGreaterThan(0);
    expect(r.drift).toBeCloseTo(0.8);
  });
});

describe('awareness', () => {
  it('HPA on CPU: request = median / target utilisation, not p95', () => {
    const r = rec(evidence(), spec({ hpa: { name: 'api', cpuUtilization: 0.5 } }));
    expect(r.recommended!.cpuRequest).toBe(200);
    expect(r.reasons).toContainEqual({
      code: 'hpa-cpu',
      resource: 'cpuRequest',
      data: { hpa: 'api', target: 50, median: 100 },
    });
  });

  it('throttled above the budget: the CPU limit is at least twice the current one', () => {
    const r = rec(
      evidence({ throttledShare: 0.3, cpu: { p50: 100, p95: 200, max: 250 } }),
      spec({ current: { cpuRequest: 100, cpuLimit: 300 } }),
    );
    expect(r.recommended!.cpuLimit).toBe(600);
    expect(codes(r)).toContain('throttled');
    expect(codes(rec(evidence({ throttledShare: 0.01 }), spec()))).not.toContain('throttled');
  });

  it('--cpu-limit none removes the CPU limit and never raises the request to fit the limit it drops', () => {
    const r = rec(evidence(), spec(), 'guide', { ...DEFAULT_PARAMS, cpuLimitPolicy: 'none' });
    expect(r.recommended!.cpuLimit).toBeUndefined();
    expect(r.recommended!.cpuRequest).toBe(200); // the p95, not 1.5 × 300 / 2 = 225
    expect(codes(r)).toContain('no-cpu-limit');
    expect(codes(r)).not.toContain('ratio-clamped');
  });

  it('OOM-killed: memory never below the limit it died at + max(20%, 100Mi)', () => {
    const r = rec(evidence({ oomKills: 2, oomLimit: 256 * MiB, memory: { p50: 100 * MiB, max: 200 * MiB } }), spec());
    expect(r.recommended!.memoryLimit).toBe(356 * MiB);
    expect(r.recommended!.memoryRequest).toBeGreaterThanOrEqual(256 * MiB);
    const big = rec(evidence({ oomKills: 1, oomLimit: 1024 * MiB }), spec());
    expect(big.recommended!.memoryLimit).toBe(Math.ceil((1024 * 1.2 * MiB) / MiB) * MiB);
  });

  it('init containers are sized on their peak and need only a few points', () => {
    const e = evidence({ coverage: { points: 30, hours: 0.5, pods: 30 } });
    const r = rec(e, spec({ role: 'init' }));
    expect(r.status).toBe('ok');
    expect(r.recommended!.cpuRequest).toBe(300);
    expect(codes(r)).toContain('init-container');
  });

  it('not enough data says what was observed against what is needed, and which series are missing', () => {
    const r = rec(evidence({ cpu: {}, coverage: { points: 240, hours: 4, pods: 1 } }), spec());
    expect(r.status).toBe('not-enough-data');
    expect(r.gap).toEqual({
      observedHours: 4,
      neededHours: 12,
      observedPoints: 240,
      neededPoints: 100,
      missingSeries: ['container_cpu_usage_seconds_total'],
    });
    expect(recommendContainer({ spec: spec() }, 'guide', DEFAULT_PARAMS).gap!.missingSeries).toEqual([
      'container_memory_working_set_bytes',
      'container_cpu_usage_seconds_total',
    ]);
    expect(rec(evidence(), spec()).gap).toBeUndefined();
  });

  it('Jobs are judged on points, not hours; long-running containers need both', () => {
    const thin = evidence({ coverage: { points: 50, hours: 50, pods: 50 } });
    expect(rec(thin, spec()).status).toBe('not-enough-data');
    expect(rec(evidence({ coverage: { points: 5000, hours: 3, pods: 1 } }), spec()).status).toBe('not-enough-data');
    expect(rec(thin, spec({ shortLived: true })).status).toBe('ok');
    expect(recommendContainer({ spec: spec() }, 'guide', DEFAULT_PARAMS).status).toBe('no-data');
  });

  it('minimums and rounding up to the steps', () => {
    const r = rec(evidence({ cpu: { p95: 1, max: 2 }, memory: { p50: MiB, max: 2 * MiB } }), spec());
    expect(r.recommended!.cpuRequest).toBe(10);
    expect(r.recommended!.memoryRequest).toBe(16 * MiB);
    expect(codes(r).filter((c) => c === 'minimum')).toHaveLength(2);
  });
});

const usage = fc.record({
  p50: fc.integer({ min: 1, max: 4000 }),
  extra95: fc.integer({ min: 0, max: 4000 }),
  extraMax: fc.integer({ min: 0, max: 4000 }),
});

describe('properties', () => {
  propTest.prop([usage, usage, fc.constantFrom('guide' as const, 'krr-simple' as const, 'vpa' as const)])(
    'limit ≥ request, request ≥ p95 and limit ≥ peak (guide), for any usage',
    (cpu, mem, strategy) => {
      const e = evidence({
        cpu: {
          p50: cpu.p50,
          p90: cpu.p50 + cpu.extra95 / 2,
          p95: cpu.p50 + cpu.extra95,
          max: cpu.p50 + cpu.extra95 + cpu.extraMax,
        },
        memory: {
          p50: mem.p50 * MiB,
          dailyPeakP90: (mem.p50 + mem.extra95) * MiB,
          max: (mem.p50 + mem.extra95 + mem.extraMax) * MiB,
        },
      });
      const r = rec(e, spec(), strategy).recommended!;
      if (r.cpuLimit !== undefined) expect(r.cpuLimit).toBeGreaterThanOrEqual(r.cpuRequest!);
      expect(r.memoryLimit!).toBeGreaterThanOrEqual(r.memoryRequest!);
      if (strategy !== 'vpa') {
        expect(r.cpuRequest!).toBeGreaterThanOrEqual(e.cpu.p95!);
        expect(r.memoryLimit!).toBeGreaterThanOrEqual(e.memory.max!);
      }
    },
  );

  propTest.prop([usage, fc.integer({ min: 1, max: 2000 })])(
    'monotone: more usage never lowers a recommendation',
    (cpu, more) => {
      const at = (k: number) =>
        rec(
          evidence({
            cpu: { p50: cpu.p50 + k, p95: cpu.p50 + cpu.extra95 + k, max: cpu.p50 + cpu.extra95 + cpu.extraMax + k },
          }),
          spec(),
        ).recommended!;
      const [a, b] = [at(0), at(more)];
      expect(b.cpuRequest!).toBeGreaterThanOrEqual(a.cpuRequest!);
      // More usage makes usage less bursty (the peak/p95 ratio shrinks): a limit may appear, never shrink.
      if (a.cpuLimit !== undefined) expect(b.cpuLimit!).toBeGreaterThanOrEqual(a.cpuLimit);
    },
  );
});
