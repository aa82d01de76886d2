/**
 * The default strategy, `guide` (GUIDE.md §2): CPU request = p95, CPU limit = 1.5 × peak; memory request = 1.2 ×
 * steady state (median), memory limit = 1.5 × peak.
 *
 * Spikes are the limit's business, never the request's: when the limit that absorbs the peak would be more than the
 * profile's maximum limit/request ratio above the p95 (bursty CPU: a p95 of 17m and one 500m spike), keeping the
 * ratio means raising the request to limit ÷ max — paying all month for a spike that lasts minutes. The strategy
 * then keeps the request at p95 and sets no CPU limit (the request still guarantees the p95 share; what is above it
 * comes from idle CPU, as KRR's `simple` strategy and most latency-sensitive services do), and reports both options
 * with their cost as a trade-off. `--cpu-limit keep-ratio` takes the other option, `--cpu-limit none` never sets a
 * CPU limit (and never raises a request to fit one).
 *
 * Memory is never overcommitted beyond the profile's maximum ratio (a limit far above the request is what OOM-kills
 * neighbours under node pressure): there the request is raised to limit ÷ max. A limit close to its request is the
 * safe setting, so there is no minimum ratio for memory.
 */
import type { RightsizeParams } from './params.js';
import type { Mutable, RawCpuTradeoff, Strategy } from './strategy.js';
import type { ContainerEvidence, ContainerSpec, Reason, ResourceValues } from './types.js';

interface CpuResult {
  readonly tradeoff?: RawCpuTradeoff;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function guideCpu(
  e: ContainerEvidence,
  spec: ContainerSpec,
  p: RightsizeParams,
  out: { v: Mutable<ResourceValues>; reasons: Reason[] },
): CpuResult {
  const init = spec.role === 'init';
  // Init containers run alone and briefly: size on their peak, not their median.
  const base = init ? e.cpu.max : e.cpu.p95;
  if (base === undefined) return {};
  out.v.cpuRequest = base;
  out.reasons.push({
    code: init ? 'init-container' : 'percentile',
    resource: 'cpuRequest',
    data: { percentile: init ? 100 : p.cpuPercentile * 100, value: Math.round(base) },
  });
  if (p.cpuLimitPolicy === 'none') {
    out.reasons.push({ code: 'no-cpu-limit', resource: 'cpuLimit' });
    return {};
  }
  if (e.cpu.max === undefined) return {};
  const limit = e.cpu.max * p.cpuLimitFactor;
  const { min, max } = p.cpuLimitToRequest;
  if (base <= 0 || limit / base <= max) {
    out.v.cpuLimit = Math.max(limit, base * min);
    out.reasons.push({
      code: 'peak-factor',
      resource: 'cpuLimit',
      data: { factor: p.cpuLimitFactor, peak: Math.round(e.cpu.max) },
    });
    if (limit < base * min) out.reasons.push({ code: 'ratio-clamped', resource: 'cpuLimit', data: { min } });
    return {};
  }
  const raised = limit / max;
  const chosen = p.cpuLimitPolicy === 'keep-ratio' ? 'keep-ratio' : 'no-limit';
  const tradeoff: RawCpuTradeoff = {
    neededRatio: round2(limit / base),
    maxRatio: max,
    chosen,
    options: [
      { option: 'no-limit', cpuRequest: base },
      { option: 'keep-ratio', cpuRequest: raised, cpuLimit: limit },
    ],
  };
  const data = { p95: Math.round(base), peak: Math.round(e.cpu.max), ratio: tradeoff.neededRatio, max };
  if (chosen === 'keep-ratio') {
    out.v.cpuRequest = raised;
    out.v.cpuLimit = limit;
    out.reasons.push({ code: 'ratio-clamped', resource: 'cpuRequest', data: { max } });
  } else {
    out.reasons.push({ code: 'cpu-burst', resource: 'cpuLimit', data });
  }
  return { tradeoff };
}

function guideMemory(
  e: ContainerEvidence,
  spec: ContainerSpec,
  p: RightsizeParams,
  out: { v: Mutable<ResourceValues>; reasons: Reason[] },
): void {
  const { v, reasons } = out;
  const steady = spec.role === 'init' ? e.memory.max : e.memory.p50;
  if (steady !== undefined) {
    v.memoryRequest = steady * p.memoryRequestFactor;
    reasons.push({
      code: 'steady-state-factor',
      resource: 'memoryRequest',
      data: { factor: p.memoryRequestFactor, steady: Math.round(steady) },
    });
  }
  if (e.memory.max === undefined) return;
  v.memoryLimit = e.memory.max * p.memoryLimitFactor;
  reasons.push({
    code: 'peak-factor',
    resource: 'memoryLimit',
    data: { factor: p.memoryLimitFactor, peak: Math.round(e.memory.max) },
  });
  const max = p.memoryLimitToRequest.max;
  if (v.memoryRequest !== undefined && v.memoryRequest > 0 && v.memoryLimit / v.memoryRequest > max) {
    v.memoryRequest = v.memoryLimit / max;
    reasons.push({ code: 'ratio-clamped', resource: 'memoryRequest', data: { max } });
  }
}

export const guide: Strategy = {
  name: 'guide',
  summary:
    'request = p95, limit = 1.5 × peak (no CPU limit when bursty); memory request = 1.2 × steady state, limit = 1.5 × peak',
  needs: ['cpuP95', 'cpuMax', 'memP50', 'memMax'],
  recommend(e, spec, p) {
    const out = { v: {} as Mutable<ResourceValues>, reasons: [] as Reason[] };
    const cpu = guideCpu(e, spec, p, out);
    guideMemory(e, spec, p, out);
    return { values: out.v, reasons: out.reasons, ...(cpu.tradeoff ? { tradeoff: cpu.tradeoff } : {}) };
  },
};
