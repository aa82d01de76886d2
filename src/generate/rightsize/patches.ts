/**
 * Strategic-merge patches, one per workload: the recommended resources of each container (a removed CPU limit is a
 * `null`, which deletes the key) and the recomputed runtime settings (env merged by name; args/command replaced
 * whole, as the API server does for those lists). Plain objects; serialisation happens at the edge.
 */
import { formatBytes, formatCpu } from '../../core/units.js';
import type { ContainerRecommendation, ResourceValues, WorkloadRef } from '../../analyzers/rightsize/types.js';

const API_VERSION: Readonly<Record<string, string>> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  Pod: 'v1',
  ReplicationController: 'v1',
};

/** Path from the object to its pod spec, per kind. */
export const POD_SPEC_KEYS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
export const podSpecKeys = (kind: string): readonly string[] => POD_SPEC_KEYS[kind] ?? ['spec', 'template', 'spec'];

export interface WorkloadPatch {
  readonly workload: WorkloadRef;
  /** File-name friendly id: `<namespace>.<kind>.<name>` in lower case. */
  readonly id: string;
  readonly patch: Record<string, unknown>;
}

type Quantities = { requests?: Record<string, string>; limits?: Record<string, string | null> };

/** The `resources` block of a recommendation; `removeCpuLimit` turns an absent CPU limit into a deletion. */
export function resourcesBlock(v: ResourceValues, removeCpuLimit: boolean): Quantities {
  const requests: Record<string, string> = {};
  const limits: Record<string, string | null> = {};
  if (v.cpuRequest !== undefined) requests['cpu'] = formatCpu(v.cpuRequest);
  if (v.memoryRequest !== undefined) requests['memory'] = formatBytes(v.memoryRequest);
  if (v.cpuLimit !== undefined) limits['cpu'] = formatCpu(v.cpuLimit);
  else if (removeCpuLimit) limits['cpu'] = null;
  if (v.memoryLimit !== undefined) limits['memory'] = formatBytes(v.memoryLimit);
  return { ...(Object.keys(requests).length ? { requests } : {}), ...(Object.keys(limits).length ? { limits } : {}) };
}

export const patchId = (w: WorkloadRef): string => `${w.namespace}.${w.kind}.${w.name}`.toLowerCase();

function containerPatch(r: ContainerRecommendation): Record<string, unknown> {
  const rec = r.recommended ?? {};
  const out: Record<string, unknown> = {
    name: r.container,
    resources: resourcesBlock(rec, r.current.cpuLimit !== undefined),
  };
  const env = r.runtime
    .filter((c) => c.where !== 'args' && c.where !== 'command')
    .map((c) => ({ name: c.where, value: c.to }));
  if (env.length) out['env'] = env;
  for (const where of ['command', 'args'] as const) {
    const list = r.runtime.find((c) => c.where === where)?.list;
    if (list) out[where] = [...list];
  }
  return out;
}

function nest(keys: readonly string[], leaf: Record<string, unknown>): Record<string, unknown> {
  return keys.reduceRight<Record<string, unknown>>((acc, k) => ({ [k]: acc }), leaf);
}

/** One patch per workload that has at least one recommended container. */
export function strategicMergePatches(recs: readonly ContainerRecommendation[]): WorkloadPatch[] {
  const byWorkload = new Map<string, ContainerRecommendation[]>();
  for (const r of recs) {
    if (r.status !== 'ok' || !r.recommended) continue;
    const id = patchId(r.workload);
    byWorkload.set(id, [...(byWorkload.get(id) ?? []), r]);
  }
  const out: WorkloadPatch[] = [];
  for (const [id, list] of [...byWorkload].sort(([a], [b]) => a.localeCompare(b))) {
    const w = list[0]!.workload;
    const pod: Record<string, unknown> = {};
    const apps = list.filter((r) => r.role === 'app').map(containerPatch);
    const inits = list.filter((r) => r.role !== 'app').map(containerPatch);
    if (apps.length) pod['containers'] = apps;
    if (inits.length) pod['initContainers'] = inits;
    out.push({
      workload: w,
      id,
      patch: {
        apiVersion: API_VERSION[w.kind] ?? 'apps/v1',
        kind: w.kind,
        metadata: { name: w.name, namespace: w.namespace },
        ...nest(podSpecKeys(w.kind), pod),
      },
    });
  }
  return out;
}
