/**
 * The three strategies, as pure functions of the evidence: `guide` (the tuning guide), `krr-simple` and `vpa`
 * (compatible with the tools users know). Awareness (HPA, throttling, OOM) and rounding are applied afterwards,
 * the same way for every strategy (see recommend.ts).
 */
import type { Bytes, Millicores } from '../../core/units.js';
import { guide } from './guide.js';
import type { Mutable, Strategy } from './strategy.js';
import type { Reason, ResourceValues, StatName, StrategyName } from './types.js';

/** KRR `simple`: CPU request = p95 and no CPU limit; memory request = limit = peak + 15%. */
const krrSimple: Strategy = {
  name: 'krr-simple',
  summary: 'KRR simple: CPU request = p95, no CPU limit; memory request = limit = peak + 15%',
  needs: ['cpuP95', 'memMax'],
  recommend(e, _spec, p) {
    const v: Mutable<ResourceValues> = {};
    const reasons: Reason[] = [];
    if (e.cpu.p95 !== undefined) {
      v.cpuRequest = e.cpu.p95;
      reasons.push({
        code: 'percentile',
        resource: 'cpuRequest',
        data: { percentile: 95, value: Math.round(e.cpu.p95) },
      });
      reasons.push({ code: 'no-cpu-limit', resource: 'cpuLimit' });
    }
    if (e.memory.max !== undefined) {
      const mem = e.memory.max * (1 + p.krrMemoryBuffer);
      v.memoryRequest = mem;
      v.memoryLimit = mem;
      reasons.push({
        code: 'peak-buffer',
        resource: 'memoryLimit',
        data: { buffer: p.krrMemoryBuffer * 100, peak: Math.round(e.memory.max) },
      });
    }
    return { values: v, reasons };
  },
};

/**
 * VPA recommender: target CPU = p90 × 1.15, memory = p90 of daily peaks × 1.15, each at least its share of the pod
 * minimums; limits scaled to keep the current limit/request ratio (VPA's RequestsAndLimits mode).
 */
const vpa: Strategy = {
  name: 'vpa',
  summary: 'VPA: CPU p90 + 15%, memory p90 of daily peaks + 15%, pod minimums 25m/250Mi, limits proportional',
  needs: ['cpuP90', 'memDailyPeakP90', 'memMax'],
  recommend(e, spec, p) {
    const v: Mutable<ResourceValues> = {};
    const reasons: Reason[] = [];
    const share = Math.max(1, spec.podContainers);
    const margin = 1 + p.vpaMargin;
    if (e.cpu.p90 !== undefined) {
      const min: Millicores = p.vpaPodMinCpu / share;
      v.cpuRequest = Math.max(e.cpu.p90 * margin, min);
      reasons.push({ code: 'vpa-target', resource: 'cpuRequest', data: { percentile: 90, margin: p.vpaMargin * 100 } });
    }
    const memBase = e.memory.dailyPeakP90 ?? e.memory.max;
    if (memBase !== undefined) {
      const min: Bytes = p.vpaPodMinMemory / share;
      v.memoryRequest = Math.max(memBase * margin, min);
      reasons.push({
        code: 'vpa-target',
        resource: 'memoryRequest',
        data: { percentile: 90, margin: p.vpaMargin * 100 },
      });
    }
    const cur = spec.current;
    if (v.cpuRequest !== undefined && cur.cpuLimit !== undefined && cur.cpuRequest) {
      v.cpuLimit = (v.cpuRequest * cur.cpuLimit) / cur.cpuRequest;
      reasons.push({
        code: 'vpa-proportional-limit',
        resource: 'cpuLimit',
        data: { ratio: round2(cur.cpuLimit / cur.cpuRequest) },
      });
    }
    if (v.memoryRequest !== undefined && cur.memoryLimit !== undefined && cur.memoryRequest) {
      v.memoryLimit = (v.memoryRequest * cur.memoryLimit) / cur.memoryRequest;
      reasons.push({
        code: 'vpa-proportional-limit',
        resource: 'memoryLimit',
        data: { ratio: round2(cur.memoryLimit / cur.memoryRequest) },
      });
    }
    return { values: v, reasons };
  },
};

const round2 = (n: number): number => Math.round(n * 100) / 100;

export const STRATEGIES: Readonly<Record<StrategyName, Strategy>> = { guide, 'krr-simple': krrSimple, vpa };

/** The statistics to query for these strategies, plus what awareness always needs. */
export function statsNeeded(strategies: readonly StrategyName[], withHpa: boolean): readonly StatName[] {
  const out = new Set<StatName>(['memPoints', 'throttledShare', 'oomKills', 'oomLimit', 'restarts']);
  for (const s of strategies) for (const n of STRATEGIES[s].needs) out.add(n);
  if (withHpa) {
    out.add('cpuP50');
    out.add('memP50');
  }
  return [...out];
}
