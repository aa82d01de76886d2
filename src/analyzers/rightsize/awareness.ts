/**
 * What no single existing tool combines: HPA targets, CPU throttling and OOM kills adjust a strategy's values.
 * Applied the same way after every strategy, each adjustment leaves a Reason.
 */
import type { RightsizeParams } from './params.js';
import type { ContainerEvidence, ContainerSpec, Reason, ResourceValues } from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Ctx {
  readonly v: Mutable<ResourceValues>;
  readonly e: ContainerEvidence;
  readonly spec: ContainerSpec;
  readonly p: RightsizeParams;
  readonly reasons: Reason[];
}

/**
 * An HPA on CPU (or memory) holds average usage/request at its target utilisation. Sizing the request at a high
 * percentile would only shift the HPA's equilibrium; instead keep request = typical usage / target, so the HPA keeps
 * the replica count it has today and scales on the same signal.
 */
function applyHpa({ v, e, spec, reasons }: Ctx): void {
  const hpa = spec.hpa;
  if (!hpa || spec.role !== 'app') return;
  if (hpa.cpuUtilization && e.cpu.p50 !== undefined) {
    v.cpuRequest = e.cpu.p50 / hpa.cpuUtilization;
    if (v.cpuLimit !== undefined) v.cpuLimit = Math.max(v.cpuLimit, v.cpuRequest);
    reasons.push({
      code: 'hpa-cpu',
      resource: 'cpuRequest',
      data: { hpa: hpa.name, target: Math.round(hpa.cpuUtilization * 100), median: Math.round(e.cpu.p50) },
    });
  }
  if (hpa.memoryUtilization && e.memory.p50 !== undefined) {
    v.memoryRequest = e.memory.p50 / hpa.memoryUtilization;
    if (v.memoryLimit !== undefined) v.memoryLimit = Math.max(v.memoryLimit, v.memoryRequest);
    reasons.push({
      code: 'hpa-memory',
      resource: 'memoryRequest',
      data: { hpa: hpa.name, target: Math.round(hpa.memoryUtilization * 100), median: Math.round(e.memory.p50) },
    });
  }
}

/**
 * Throttled above the budget: observed usage was capped by the limit, so the measured peak understates demand.
 * The limit is removed (policy `none`) or raised to at least twice the current one.
 */
function applyThrottling({ v, e, spec, p, reasons }: Ctx): void {
  if (p.cpuLimitPolicy === 'none') {
    if (v.cpuLimit !== undefined) reasons.push({ code: 'no-cpu-limit', resource: 'cpuLimit' });
    delete v.cpuLimit;
    return;
  }
  const share = e.throttledShare;
  if (share === undefined || share <= p.throttlingBudget) return;
  const current = spec.current.cpuLimit;
  if (v.cpuLimit === undefined) return;
  const floor = current !== undefined ? current * 2 : v.cpuLimit;
  v.cpuLimit = Math.max(v.cpuLimit, floor);
  reasons.push({
    code: 'throttled',
    resource: 'cpuLimit',
    data: { throttledPct: Math.round(share * 1000) / 10, budgetPct: p.throttlingBudget * 100 },
  });
}

/** OOM-killed: memory never below the limit it died at plus a margin (VPA: ×1.2 or +100MiB, whichever is more). */
function applyOom({ v, e, spec, p, reasons }: Ctx): void {
  if (e.oomKills <= 0) return;
  const at = e.oomLimit ?? spec.current.memoryLimit;
  if (at === undefined) return;
  const floor = Math.max(at * p.oomBumpRatio, at + p.oomMinBump);
  if (v.memoryLimit === undefined || v.memoryLimit < floor) v.memoryLimit = floor;
  if (v.memoryRequest === undefined || v.memoryRequest < at) v.memoryRequest = Math.min(at, v.memoryLimit);
  reasons.push({ code: 'oom-floor', resource: 'memoryLimit', data: { kills: e.oomKills, oomLimit: Math.round(at) } });
}

export function applyAwareness(
  values: ResourceValues,
  e: ContainerEvidence,
  spec: ContainerSpec,
  p: RightsizeParams,
): { values: ResourceValues; reasons: Reason[] } {
  const v: Mutable<ResourceValues> = { ...values };
  const reasons: Reason[] = [];
  const ctx: Ctx = { v, e, spec, p, reasons };
  applyHpa(ctx);
  applyThrottling(ctx);
  applyOom(ctx);
  if (spec.role === 'sidecar') reasons.push({ code: 'sidecar' });
  if (spec.shortLived) reasons.push({ code: 'short-lived', data: { pods: e.coverage.pods } });
  return { values: v, reasons };
}
