import type { JsonPath } from '../../core/json-path.js';
import { asArray, asNumber, asRecord, asString, isRecord } from '../../model/object.js';
import { matchesSelector, parseSelector, type LabelSelector } from '../../model/selector.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { Workload } from '../../model/workload.js';

export interface NodeRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

const REQUIRED = 'requiredDuringSchedulingIgnoredDuringExecution';
const PREFERRED = 'preferredDuringSchedulingIgnoredDuringExecution';

export const affinity = (w: Workload) => asRecord(w.podSpec['affinity']);

/** Required node affinity terms (ORed), each a list of ANDed match expressions. */
export function requiredNodeTerms(w: Workload): readonly (readonly NodeRequirement[])[] {
  const terms = asArray(asRecord(asRecord(affinity(w)['nodeAffinity'])[REQUIRED])['nodeSelectorTerms']);
  return terms.map((t) =>
    asArray(asRecord(t)['matchExpressions'])
      .filter(isRecord)
      .map((e) => ({
        key: asString(e['key']) ?? '',
        operator: asString(e['operator']) ?? '',
        values: asArray(e['values']).map(String),
      })),
  );
}

export interface PodAffinityTerm {
  readonly topologyKey: string;
  readonly selector?: LabelSelector;
  readonly path: JsonPath;
}

/** Pod (anti-)affinity terms of one kind: required or preferred (unwrapping `podAffinityTerm`). */
export function podAffinityTerms(
  w: Workload,
  kind: 'podAffinity' | 'podAntiAffinity',
  hard: boolean,
): PodAffinityTerm[] {
  const key = hard ? REQUIRED : PREFERRED;
  return asArray(asRecord(affinity(w)[kind])[key]).flatMap((t, i) => {
    const term = hard ? asRecord(t) : asRecord(asRecord(t)['podAffinityTerm']);
    const selector = parseSelector(term['labelSelector']);
    return [
      {
        topologyKey: asString(term['topologyKey']) ?? '',
        ...(selector ? { selector } : {}),
        path: [...w.podSpecPath, 'affinity', kind, key, i],
      },
    ];
  });
}

export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly whenUnsatisfiable: string;
  readonly selector?: LabelSelector;
  readonly path: JsonPath;
}

export function spreadConstraints(w: Workload): SpreadConstraint[] {
  return asArray(w.podSpec['topologySpreadConstraints']).map((raw, i) => {
    const c = asRecord(raw);
    const selector = parseSelector(c['labelSelector']);
    return {
      maxSkew: asNumber(c['maxSkew']) ?? 1,
      topologyKey: asString(c['topologyKey']) ?? '',
      whenUnsatisfiable: asString(c['whenUnsatisfiable']) ?? 'DoNotSchedule',
      ...(selector ? { selector } : {}),
      path: [...w.podSpecPath, 'topologySpreadConstraints', i],
    };
  });
}

export const nodeSelector = (w: Workload): Readonly<Record<string, string>> =>
  Object.fromEntries(Object.entries(asRecord(w.podSpec['nodeSelector'])).map(([k, v]) => [k, String(v)]));

/** Whether a term selects the pod's own replicas (so it constrains the workload against itself). */
export const selectsOwnPods = (w: Workload, selector: LabelSelector | undefined): boolean =>
  selector !== undefined && matchesSelector(selector, w.podLabels);

/** Long-running workloads that run several replicas of the same pod (Deployment, StatefulSet, ReplicaSet, RC). */
export const isReplicated = (w: Workload, minReplicas: number): boolean =>
  w.isLongRunning && w.kind !== 'DaemonSet' && w.kind !== 'Pod' && (w.replicas ?? 1) >= minReplicas;

/** Distinct values of a node label among the Node objects of the snapshot (topology domains). */
export function topologyDomains(snapshot: Snapshot, key: string): number {
  const values = new Set<string>();
  for (const n of snapshot.byKind('Node')) {
    const v = n.object.metadata?.labels?.[key];
    if (v !== undefined) values.add(v);
  }
  return values.size;
}
