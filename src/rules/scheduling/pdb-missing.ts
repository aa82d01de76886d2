import { defineRule } from '../../engine/define-rule.js';
import { asRecord } from '../../model/object.js';
import { matchesSelector, parseSelector } from '../../model/selector.js';
import { isReplicated } from './pod-scheduling.js';

export default defineRule({
  id: 'pdb-missing',
  area: 'scheduling',
  target: 'cluster',
  defaultSeverity: 'warning',
  summary: 'Multi-replica workloads have a PodDisruptionBudget.',
  rationale:
    'Node drains (upgrades, autoscaler scale-down, spot reclaim) evict pods through the eviction API, which only holds back when a PodDisruptionBudget says so. Without one, a drain may evict every replica of a service at once. A PDB with maxUnavailable: 1 (or a percentage) keeps the service up during voluntary disruptions while still letting drains progress.',
  messages: {
    missing: '{kind} {name} runs {replicas} replicas but no PodDisruptionBudget in {namespace} selects its pods.',
  },
  *check(snapshot, { thresholds }) {
    const pdbs = snapshot.byKind('PodDisruptionBudget');
    for (const w of snapshot.workloads) {
      if (!isReplicated(w, thresholds.replicatedMinReplicas)) continue;
      const covered = pdbs.some((p) => {
        if ((p.object.metadata?.namespace ?? 'default') !== w.namespace) return false;
        const sel = parseSelector(asRecord(p.object['spec'])['selector']);
        return sel !== undefined && matchesSelector(sel, w.podLabels);
      });
      if (covered) continue;
      yield {
        messageId: 'missing',
        path: ['spec', 'replicas'],
        data: { kind: w.kind, name: w.name, replicas: w.replicas ?? 1, namespace: w.namespace },
        at: w.resource,
      };
    }
  },
});
