/**
 * Pods → workloads, and per-pod statistics → one ContainerEvidence per (workload, container).
 *
 * Owner chains come from kube-state-metrics (Pod → ReplicaSet → Deployment, Pod → Job → CronJob); without them a
 * pod is matched to a known workload by the name its controller gives it, and as a last resort by the name alone.
 * Replicas are aggregated conservatively: the most demanding pod's percentile and peak win (as KRR does).
 */
import type { Labels } from '../../model/prom-api.js';
import type { PodRecord } from './collect.js';
import type { ContainerEvidence, PodStats, WorkloadRef } from './types.js';

/** Pod-name patterns each controller produces, after `<name>-`. */
const POD_SUFFIX: Readonly<Record<string, RegExp>> = {
  Deployment: /^[a-z0-9]{1,10}-[a-z0-9]{5}$/,
  StatefulSet: /^\d+$/,
  DaemonSet: /^[a-z0-9]{5}$/,
  ReplicaSet: /^[a-z0-9]{5}$/,
  Job: /^[a-z0-9]{5}$/,
  CronJob: /^\d{6,12}-[a-z0-9]{5}$/,
};

export interface OwnerIndex {
  readonly pods: ReadonlyMap<string, { kind: string; name: string }>;
  readonly replicaSets: ReadonlyMap<string, { kind: string; name: string }>;
  readonly jobs: ReadonlyMap<string, { kind: string; name: string }>;
}

const nsKey = (ns: string, name: string): string => `${ns}/${name}`;

export function indexOwners(series: readonly Labels[]): OwnerIndex {
  const pods = new Map<string, { kind: string; name: string }>();
  const replicaSets = new Map<string, { kind: string; name: string }>();
  const jobs = new Map<string, { kind: string; name: string }>();
  for (const l of series) {
    const { namespace, owner_kind: kind, owner_name: name } = l;
    if (!namespace || !kind || !name || kind === '<none>') continue;
    if (l['__name__'] === 'kube_pod_owner' && l['pod']) pods.set(nsKey(namespace, l['pod']), { kind, name });
    else if (l['__name__'] === 'kube_replicaset_owner' && l['replicaset'])
      replicaSets.set(nsKey(namespace, l['replicaset']), { kind, name });
    else if (l['__name__'] === 'kube_job_owner' && l['job_name'])
      jobs.set(nsKey(namespace, l['job_name']), { kind, name });
  }
  return { pods, replicaSets, jobs };
}

function byOwners(namespace: string, pod: string, owners: OwnerIndex): WorkloadRef | undefined {
  const direct = owners.pods.get(nsKey(namespace, pod));
  if (!direct) return undefined;
  const parents = direct.kind === 'ReplicaSet' ? owners.replicaSets : direct.kind === 'Job' ? owners.jobs : undefined;
  const top = parents?.get(nsKey(namespace, direct.name)) ?? direct;
  return { namespace, kind: top.kind, name: top.name };
}

const isPodOf = (w: WorkloadRef, pod: string): boolean =>
  w.kind === 'Pod'
    ? pod === w.name
    : pod.startsWith(`${w.name}-`) && (POD_SUFFIX[w.kind]?.test(pod.slice(w.name.length + 1)) ?? false);

function byName(namespace: string, pod: string): WorkloadRef {
  const rs = /^(.+)-[a-z0-9]{6,10}-[a-z0-9]{5}$/.exec(pod);
  if (rs) return { namespace, kind: 'Deployment', name: rs[1]! };
  const sts = /^(.+)-\d+$/.exec(pod);
  if (sts) return { namespace, kind: 'StatefulSet', name: sts[1]! };
  return { namespace, kind: 'Pod', name: pod };
}

/** The top workload of a pod: owner chain first, then known workloads by controller naming, then the name alone. */
export function resolveWorkload(
  namespace: string,
  pod: string,
  owners: OwnerIndex,
  known: readonly WorkloadRef[],
): WorkloadRef {
  const owned = byOwners(namespace, pod, owners);
  if (owned) return owned;
  let best: WorkloadRef | undefined;
  for (const w of known) {
    if (w.namespace === namespace && isPodOf(w, pod) && (!best || w.name.length > best.name.length)) best = w;
  }
  return best ?? byName(namespace, pod);
}

export const workloadKey = (w: WorkloadRef): string => `${w.namespace}/${w.kind}/${w.name}`;
export const containerKey = (w: WorkloadRef, container: string): string => `${workloadKey(w)}/${container}`;

const maxOf = (values: readonly (number | undefined)[]): number | undefined => {
  let m: number | undefined;
  for (const v of values) if (v !== undefined && (m === undefined || v > m)) m = v;
  return m;
};

export interface AggregateOptions {
  readonly resolutionSeconds: number;
  readonly windowSeconds: number;
  /** Desired replicas per workload key, to turn pod-hours into hours of history. */
  readonly replicas?: ReadonlyMap<string, number>;
}

/** One ContainerEvidence per (workload, container), from the pods the owner index or names resolve to it. */
export function aggregateEvidence(
  pods: Iterable<PodRecord>,
  owners: OwnerIndex,
  known: readonly WorkloadRef[],
  opts: AggregateOptions,
): Map<string, ContainerEvidence> {
  const groups = new Map<string, { workload: WorkloadRef; container: string; stats: PodStats[] }>();
  for (const { key, stats } of pods) {
    const workload = resolveWorkload(key.namespace, key.pod, owners, known);
    const k = containerKey(workload, key.container);
    const g = groups.get(k) ?? { workload, container: key.container, stats: [] };
    g.stats.push(stats);
    groups.set(k, g);
  }
  const out = new Map<string, ContainerEvidence>();
  for (const [k, g] of groups) out.set(k, evidenceOf(g.workload, g.container, g.stats, opts));
  return out;
}

function evidenceOf(
  workload: WorkloadRef,
  container: string,
  stats: readonly PodStats[],
  opts: AggregateOptions,
): ContainerEvidence {
  const m = (name: keyof PodStats) => maxOf(stats.map((s) => s[name]));
  const points = stats.reduce((n, s) => n + (s.memPoints ?? 0), 0);
  const podHours = (points * opts.resolutionSeconds) / 3600;
  const replicas = opts.replicas?.get(workloadKey(workload)) ?? 1;
  const maxPodHours = maxOf(stats.map((s) => ((s.memPoints ?? 0) * opts.resolutionSeconds) / 3600)) ?? 0;
  const hours = Math.min(opts.windowSeconds / 3600, Math.max(maxPodHours, podHours / Math.max(1, replicas)));
  const defined = <T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
      [K in keyof T]?: Exclude<T[K], undefined>;
    };
  const observedSpec = defined({
    cpuRequest: m('cpuRequest'),
    cpuLimit: m('cpuLimit'),
    memoryRequest: m('memRequest'),
    memoryLimit: m('memLimit'),
  });
  const throttledShare = m('throttledShare');
  const oomLimit = m('oomLimit');
  return {
    workload,
    container,
    cpu: defined({ p50: m('cpuP50'), p90: m('cpuP90'), p95: m('cpuP95'), p99: m('cpuP99'), max: m('cpuMax') }),
    memory: defined({ p50: m('memP50'), p95: m('memP95'), max: m('memMax'), dailyPeakP90: m('memDailyPeakP90') }),
    coverage: { points, hours, pods: stats.length },
    ...(throttledShare !== undefined ? { throttledShare } : {}),
    oomKills: stats.filter((s) => (s.oomKills ?? 0) > 0).length,
    ...(oomLimit !== undefined ? { oomLimit } : {}),
    restarts: stats.reduce((n, s) => n + Math.round(s.restarts ?? 0), 0),
    ...(Object.keys(observedSpec).length ? { observedSpec } : {}),
  };
}

/** Init containers (and native sidecars: `restart_policy="Always"`) that kube-state-metrics reports, per container key. */
export function initContainerRoles(
  series: readonly Labels[],
  owners: OwnerIndex,
  known: readonly WorkloadRef[],
): Map<string, 'init' | 'sidecar'> {
  const out = new Map<string, 'init' | 'sidecar'>();
  for (const l of series) {
    if (l['__name__'] !== 'kube_pod_init_container_info' || !l['namespace'] || !l['pod'] || !l['container']) continue;
    const w = resolveWorkload(l['namespace'], l['pod'], owners, known);
    out.set(containerKey(w, l['container']), l['restart_policy'] === 'Always' ? 'sidecar' : 'init');
  }
  return out;
}
