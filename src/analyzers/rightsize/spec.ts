/**
 * The current spec per container: from manifests (Workload views, HPAs) or, when a workload has no manifest, from
 * the requests and limits kube-state-metrics reported.
 */
import { asArray, asNumber, asRecord, asString, isRecord, namespaceOf, type Resource } from '../../model/object.js';
import type { InstantSample, Labels } from '../../model/prom-api.js';
import type { ContainerView, Workload } from '../../model/workload.js';
import { containerKey, workloadKey } from './aggregate.js';
import type {
  ContainerEvidence,
  ContainerRole,
  ContainerSpec,
  HpaTarget,
  ResourceValues,
  WorkloadRef,
} from './types.js';

export const refOfWorkload = (w: Workload): WorkloadRef => ({ namespace: w.namespace, kind: w.kind, name: w.name });

const roleOf = (c: ContainerView): ContainerRole => (c.kind === 'container' ? 'app' : c.isSidecar ? 'sidecar' : 'init');

function currentOf(c: ContainerView): ResourceValues {
  const out: { -readonly [K in keyof ResourceValues]: ResourceValues[K] } = {};
  if (c.cpu.request !== undefined) out.cpuRequest = c.cpu.request;
  if (c.cpu.limit !== undefined) out.cpuLimit = c.cpu.limit;
  if (c.memory.request !== undefined) out.memoryRequest = c.memory.request;
  if (c.memory.limit !== undefined) out.memoryLimit = c.memory.limit;
  return out;
}

/** HPA targets by scale target (autoscaling/v2 `metrics`, autoscaling/v1 `targetCPUUtilizationPercentage`). */
export function hpaTargets(resources: readonly Resource[]): Map<string, HpaTarget> {
  const out = new Map<string, HpaTarget>();
  for (const r of resources) {
    if (r.object.kind !== 'HorizontalPodAutoscaler') continue;
    const spec = asRecord(r.object['spec']);
    const ref = asRecord(spec['scaleTargetRef']);
    const kind = asString(ref['kind']);
    const name = asString(ref['name']);
    if (!kind || !name) continue;
    const t: { -readonly [K in keyof HpaTarget]: HpaTarget[K] } = { name: r.ref.name };
    const v1 = asNumber(spec['targetCPUUtilizationPercentage']);
    if (v1 !== undefined) t.cpuUtilization = v1 / 100;
    for (const m of asArray(spec['metrics']).filter(isRecord)) {
      const res = asRecord(m['resource']);
      const util = asNumber(asRecord(res['target'])['averageUtilization']) ?? asNumber(res['targetAverageUtilization']);
      if (m['type'] !== 'Resource' || util === undefined) continue;
      if (res['name'] === 'cpu') t.cpuUtilization = util / 100;
      if (res['name'] === 'memory') t.memoryUtilization = util / 100;
    }
    const min = asNumber(spec['minReplicas']);
    const max = asNumber(spec['maxReplicas']);
    if (min !== undefined) t.minReplicas = min;
    if (max !== undefined) t.maxReplicas = max;
    out.set(workloadKey({ namespace: namespaceOf(r.object) ?? 'default', kind, name }), t);
  }
  return out;
}

/** Every container (app, init, native sidecar) of every workload, with its HPA when one targets the workload. */
export function specsFromWorkloads(
  workloads: readonly Workload[],
  hpas: ReadonlyMap<string, HpaTarget>,
): ContainerSpec[] {
  const out: ContainerSpec[] = [];
  for (const w of workloads) {
    const ref = refOfWorkload(w);
    const hpa = hpas.get(workloadKey(ref));
    const all = [...w.containers, ...w.initContainers];
    for (const c of all) {
      const source = w.source ? `${w.source.file}:${w.source.line}` : undefined;
      out.push({
        workload: ref,
        container: c.name,
        role: roleOf(c),
        current: currentOf(c),
        ...(w.replicas !== undefined ? { replicas: w.replicas } : {}),
        podContainers: w.runningContainers.length,
        ...(hpa ? { hpa } : {}),
        shortLived: !w.isLongRunning,
        env: c.env,
        args: c.args,
        command: c.command,
        ...(source ? { source } : {}),
      });
    }
  }
  return out;
}

const SHORT_LIVED_KINDS = new Set(['Job', 'CronJob']);

/** A spec for measured containers no manifest describes, from what kube-state-metrics reported. */
export function specFromEvidence(
  e: ContainerEvidence,
  roles: ReadonlyMap<string, ContainerRole>,
  hpas: ReadonlyMap<string, HpaTarget>,
): ContainerSpec {
  const hpa = hpas.get(workloadKey(e.workload));
  return {
    workload: e.workload,
    container: e.container,
    role: roles.get(containerKey(e.workload, e.container)) ?? 'app',
    current: e.observedSpec ?? {},
    podContainers: 1,
    shortLived: SHORT_LIVED_KINDS.has(e.workload.kind),
    env: [],
    args: [],
    command: [],
    source: 'kube-state-metrics',
    ...(hpa ? { hpa } : {}),
  };
}

/** HPA targets from kube-state-metrics: `kube_horizontalpodautoscaler_info` (scale target) + target metric samples. */
export function hpaTargetsFromKsm(info: readonly Labels[], targets: readonly InstantSample[]): Map<string, HpaTarget> {
  const byHpa = new Map<string, { -readonly [K in keyof HpaTarget]: HpaTarget[K] }>();
  for (const t of targets) {
    const { namespace, horizontalpodautoscaler: name, metric_name: metric } = t.labels;
    if (!namespace || !name || (metric !== 'cpu' && metric !== 'memory')) continue;
    const h = byHpa.get(`${namespace}/${name}`) ?? { name };
    if (metric === 'cpu') h.cpuUtilization = t.value / 100;
    else h.memoryUtilization = t.value / 100;
    byHpa.set(`${namespace}/${name}`, h);
  }
  const out = new Map<string, HpaTarget>();
  for (const l of info) {
    const { namespace, horizontalpodautoscaler: name, scaletargetref_kind: kind, scaletargetref_name: target } = l;
    if (l['__name__'] !== 'kube_horizontalpodautoscaler_info' || !namespace || !name || !kind || !target) continue;
    const h = byHpa.get(`${namespace}/${name}`);
    if (h) out.set(workloadKey({ namespace, kind, name: target }), h);
  }
  return out;
}
