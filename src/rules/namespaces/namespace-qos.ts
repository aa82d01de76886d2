import type { Located } from '../../engine/types.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { QosClass } from '../../model/workload.js';

export interface NamespaceQos {
  readonly namespace: string;
  readonly at: Located;
  readonly pods: number;
  readonly byClass: Readonly<Record<QosClass, number>>;
}

/**
 * Pods per QoS class of the long-running workloads of each namespace (replicas counted, DaemonSets as one). Workloads
 * whose manifest names no namespace are left out: they land wherever `kubectl apply -n` puts them, not in "default".
 */
export function namespaceQos(snapshot: Snapshot): NamespaceQos[] {
  const out = new Map<string, { pods: number; byClass: Record<QosClass, number> }>();
  for (const w of snapshot.workloads) {
    if (!w.isLongRunning || w.object.metadata?.namespace === undefined) continue;
    const n = Math.max(w.replicas ?? 1, 0);
    const entry = out.get(w.namespace) ?? { pods: 0, byClass: { Guaranteed: 0, Burstable: 0, BestEffort: 0 } };
    entry.pods += n;
    entry.byClass[w.qosClass] += n;
    out.set(w.namespace, entry);
  }
  return [...out].map(([namespace, e]) => {
    const ns = snapshot.get('Namespace', undefined, namespace);
    const at: Located = ns ?? { ref: { apiVersion: 'v1', kind: 'Namespace', name: namespace } };
    return { namespace, at, ...e };
  });
}
