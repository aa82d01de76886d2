/**
 * From evidence + current spec to one recommendation per container: coverage check ("not enough data", never a
 * guess), the strategy, awareness, minimums and rounding, recomputed runtime settings, savings and drift.
 */
import { applyAwareness } from './awareness.js';
import { HOURS_PER_MONTH, type Prices, type RightsizeParams } from './params.js';
import { recomputeRuntime } from './runtime.js';
import { STRATEGIES } from './strategies.js';
import type { RawCpuTradeoff } from './strategy.js';
import type {
  ContainerEvidence,
  ContainerRecommendation,
  ContainerSpec,
  CoverageGap,
  CpuTradeoff,
  Reason,
  RecommendationStatus,
  ResourceValues,
  Savings,
  StrategyName,
} from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const GiB = 2 ** 30;

const roundUp = (v: number, step: number): number => Math.ceil(v / step - 1e-9) * step;

export const MEMORY_SERIES = 'container_memory_working_set_bytes';
export const CPU_SERIES = 'container_cpu_usage_seconds_total';

/** Coverage a container needs: points and hours (init containers and short-lived pods: points only). */
export function coverageNeeded(spec: Pick<ContainerSpec, 'role' | 'shortLived'>, p: RightsizeParams) {
  const short = spec.role === 'init' || spec.shortLived;
  return { points: short ? p.minShortLivedPoints : p.minPoints, hours: short ? 0 : p.minHours };
}

/** The status, and for anything but `ok` what was observed against what is needed. */
function coverageStatus(
  e: ContainerEvidence | undefined,
  spec: ContainerSpec,
  p: RightsizeParams,
): { status: RecommendationStatus; gap?: CoverageGap } {
  const need = coverageNeeded(spec, p);
  const missingSeries = [
    ...(e && e.coverage.points > 0 ? [] : [MEMORY_SERIES]),
    ...(e && Object.keys(e.cpu).length > 0 ? [] : [CPU_SERIES]),
  ];
  const gap: CoverageGap = {
    observedHours: Math.round((e?.coverage.hours ?? 0) * 100) / 100,
    neededHours: need.hours,
    observedPoints: e?.coverage.points ?? 0,
    neededPoints: need.points,
    missingSeries,
  };
  if (!e || e.coverage.points === 0) return { status: 'no-data', gap };
  const ok = e.coverage.points >= need.points && e.coverage.hours >= need.hours;
  return ok ? { status: 'ok' } : { status: 'not-enough-data', gap };
}

/** A strategy's raw trade-off options, finished like the recommendation and priced. */
function finishTradeoff(
  raw: RawCpuTradeoff | undefined,
  reasons: readonly Reason[],
  replicas: number,
  p: RightsizeParams,
): CpuTradeoff | undefined {
  // An HPA sets the request from its target: the ratio trade-off does not apply.
  if (!raw || reasons.some((r) => r.code === 'hpa-cpu')) return undefined;
  const options = raw.options.map((o) => {
    const v = finish(
      { cpuRequest: o.cpuRequest, ...(o.cpuLimit !== undefined ? { cpuLimit: o.cpuLimit } : {}) },
      p,
      [],
    );
    return { ...o, ...v, cpuRequest: v.cpuRequest!, monthlyCost: round2(monthlyCost(v, replicas, p.prices)) };
  });
  return { ...raw, options };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** limit/request as the audit's ratio rules compute it (to 1e-6: 300m / 200m is 1.4999999999999998 in floats). */
const ratioOf = (limit: number, request: number): number => Math.round((limit / request) * 1e6) / 1e6;

/**
 * Rounding the limit up can push a ratio that was within the profile's maximum just above it (450.3Mi / 300.2Mi):
 * then the request goes up by a step, so that a rightsized manifest passes the audit's ratio rules.
 */
function keepCeiling(
  pair: { readonly request: number; readonly limit: number; readonly before: number },
  max: number,
  step: number,
): number {
  if (pair.before > max || ratioOf(pair.limit, pair.request) <= max) return pair.request;
  return roundUp(pair.limit / max, step);
}

function applyMinimums(v: Mutable<ResourceValues>, p: RightsizeParams, reasons: Reason[]): void {
  if (v.cpuRequest !== undefined && v.cpuRequest < p.minCpu) {
    v.cpuRequest = p.minCpu;
    reasons.push({ code: 'minimum', resource: 'cpuRequest', data: { min: p.minCpu } });
  }
  if (v.memoryRequest !== undefined && v.memoryRequest < p.minMemory) {
    v.memoryRequest = p.minMemory;
    reasons.push({ code: 'minimum', resource: 'memoryRequest', data: { min: p.minMemory } });
  }
}

/** Rounds one request/limit pair up to its step (a limit never below its request), keeping the ratio ceiling. */
function roundPair(
  request: number | undefined,
  limit: number | undefined,
  step: number,
  max: number,
): { request?: number; limit?: number } {
  if (request === undefined) return limit === undefined ? {} : { limit: roundUp(limit, step) };
  const r = roundUp(request, step);
  if (limit === undefined) return { request: r };
  const l = roundUp(Math.max(limit, r), step);
  const before = request > 0 ? ratioOf(limit, request) : 0;
  return { request: r > 0 ? keepCeiling({ request: r, limit: l, before }, max, step) : r, limit: l };
}

/** Minimums, then round up to the steps; a limit never ends below its request. */
function finish(values: ResourceValues, p: RightsizeParams, reasons: Reason[]): ResourceValues {
  const v: Mutable<ResourceValues> = { ...values };
  applyMinimums(v, p, reasons);
  const cpu = roundPair(v.cpuRequest, v.cpuLimit, p.cpuStep, p.cpuLimitToRequest.max);
  const mem = roundPair(v.memoryRequest, v.memoryLimit, p.memoryStep, p.memoryLimitToRequest.max);
  const out: Mutable<ResourceValues> = {};
  if (cpu.request !== undefined) out.cpuRequest = cpu.request;
  if (cpu.limit !== undefined) out.cpuLimit = cpu.limit;
  if (mem.request !== undefined) out.memoryRequest = mem.request;
  if (mem.limit !== undefined) out.memoryLimit = mem.limit;
  return out;
}

export function monthlyCost(v: ResourceValues, replicas: number, prices: Prices): number {
  const cores = (v.cpuRequest ?? 0) / 1000;
  const gib = (v.memoryRequest ?? 0) / GiB;
  return (cores * prices.cpuCoreHour + gib * prices.memoryGiBHour) * HOURS_PER_MONTH * replicas;
}

/** Requests are what a cluster reserves and pays for: savings compare requests, × replicas. */
export function savingsOf(current: ResourceValues, rec: ResourceValues, replicas: number, prices: Prices): Savings {
  const dCpu = ((current.cpuRequest ?? 0) - (rec.cpuRequest ?? 0)) / 1000;
  const dMem = ((current.memoryRequest ?? 0) - (rec.memoryRequest ?? 0)) / GiB;
  return {
    cpuCores: dCpu * replicas,
    memoryGiB: dMem * replicas,
    monthlyCost: monthlyCost(current, replicas, prices) - monthlyCost(rec, replicas, prices),
  };
}

function relChange(cur: number | undefined, rec: number | undefined): number {
  if (rec === undefined) return 0;
  if (cur === undefined || cur === 0) return 1;
  return Math.abs(rec - cur) / cur;
}

export function driftOf(current: ResourceValues, rec: ResourceValues): number {
  return Math.max(relChange(current.cpuRequest, rec.cpuRequest), relChange(current.memoryRequest, rec.memoryRequest));
}

export interface RecommendInput {
  readonly spec: ContainerSpec;
  readonly evidence?: ContainerEvidence;
}

/** The recommendation of one strategy for one container. */
export function recommendContainer(
  input: RecommendInput,
  strategy: StrategyName,
  p: RightsizeParams,
): ContainerRecommendation {
  const { spec, evidence } = input;
  const current = spec.current;
  const replicas = spec.replicas ?? Math.max(1, evidence?.coverage.pods ?? 1);
  const base = {
    workload: spec.workload,
    container: spec.container,
    role: spec.role,
    strategy,
    current,
    replicas,
    ...(evidence ? { evidence } : {}),
    ...(spec.source ? { source: spec.source } : {}),
  };
  const { status, gap } = coverageStatus(evidence, spec, p);
  if (status !== 'ok' || !evidence)
    return { ...base, status, reasons: [], runtime: [], drift: 0, ...(gap ? { gap } : {}) };
  const s = STRATEGIES[strategy].recommend(evidence, spec, p);
  const aware = applyAwareness(s.values, evidence, spec, p);
  const reasons = [...s.reasons, ...aware.reasons];
  const recommended = finish(aware.values, p, reasons);
  const tradeoff = finishTradeoff(s.tradeoff, reasons, replicas, p);
  return {
    ...base,
    status,
    recommended,
    ...(tradeoff ? { tradeoff } : {}),
    reasons,
    runtime: recomputeRuntime(spec, recommended),
    savings: savingsOf(current, recommended, replicas, p.prices),
    drift: driftOf(current, recommended),
  };
}

export interface Totals {
  readonly containers: number;
  readonly recommended: number;
  readonly notEnoughData: number;
  readonly noData: number;
  readonly savings: Savings;
}

export function totalsOf(recs: readonly ContainerRecommendation[]): Totals {
  let cpuCores = 0;
  let memoryGiB = 0;
  let monthly = 0;
  for (const r of recs) {
    cpuCores += r.savings?.cpuCores ?? 0;
    memoryGiB += r.savings?.memoryGiB ?? 0;
    monthly += r.savings?.monthlyCost ?? 0;
  }
  return {
    containers: recs.length,
    recommended: recs.filter((r) => r.status === 'ok').length,
    notEnoughData: recs.filter((r) => r.status === 'not-enough-data').length,
    noData: recs.filter((r) => r.status === 'no-data').length,
    savings: { cpuCores, memoryGiB, monthlyCost: monthly },
  };
}

/** Drift ranking: the largest money at stake first, then the largest relative change. */
export function rankByDrift(recs: readonly ContainerRecommendation[]): ContainerRecommendation[] {
  return [...recs].sort(
    (a, b) =>
      Math.abs(b.savings?.monthlyCost ?? 0) - Math.abs(a.savings?.monthlyCost ?? 0) ||
      b.drift - a.drift ||
      `${a.workload.namespace}/${a.workload.name}/${a.container}`.localeCompare(
        `${b.workload.namespace}/${b.workload.name}/${b.container}`,
      ),
  );
}
