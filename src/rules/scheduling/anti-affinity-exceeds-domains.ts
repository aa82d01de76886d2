import { defineRule } from '../../engine/define-rule.js';
import { podAffinityTerms, selectsOwnPods, topologyDomains } from './pod-scheduling.js';

export default defineRule({
  id: 'anti-affinity-exceeds-domains',
  area: 'scheduling',
  target: 'workload',
  defaultSeverity: 'error',
  summary: 'Required pod anti-affinity against its own replicas has enough topology domains for every replica.',
  rationale:
    "A required podAntiAffinity term that selects the workload's own pods allows at most one replica per topology domain (per node for kubernetes.io/hostname, per zone for topology.kubernetes.io/zone). With more replicas than domains the extra pods stay Pending forever, and a rolling update with maxSurge cannot even start. Counted against the Node objects in the input (a live audit, or nodes exported to a file); without nodes the rule stays silent. Use preferred anti-affinity or topologySpreadConstraints instead.",
  messages: {
    tooFewDomains:
      '{replicas} replicas with required anti-affinity on {topologyKey} but only {domains} domain(s) among {nodes} node(s): {pending} pod(s) stay Pending.',
  },
  *check(workload, { snapshot, thresholds }) {
    const nodes = snapshot.byKind('Node').length;
    const replicas = workload.replicas;
    if (nodes === 0 || replicas === undefined || replicas < thresholds.replicatedMinReplicas) return;
    for (const term of podAffinityTerms(workload, 'podAntiAffinity', true)) {
      if (!term.topologyKey || !selectsOwnPods(workload, term.selector)) continue;
      const domains = topologyDomains(snapshot, term.topologyKey);
      if (replicas <= domains) continue;
      yield {
        messageId: 'tooFewDomains',
        path: term.path,
        data: { replicas, topologyKey: term.topologyKey, domains, nodes, pending: replicas - domains },
      };
    }
  },
});
