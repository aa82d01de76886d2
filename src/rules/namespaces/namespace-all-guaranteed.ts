import { defineRule } from '../../engine/define-rule.js';
import { namespaceQos } from './namespace-qos.js';

export default defineRule({
  id: 'namespace-all-guaranteed',
  area: 'namespaces',
  target: 'cluster',
  defaultSeverity: 'info',
  summary: 'Not every pod of a namespace is Guaranteed (requests == limits everywhere).',
  rationale:
    'When every container sets requests equal to limits, nothing can burst into idle capacity: nodes are full on paper and idle in practice, and utilisation collapses. The guide tiers workloads: core services Guaranteed, normal services Burstable, batch BestEffort.',
  messages: {
    allGuaranteed:
      'All {pods} pods in namespace {namespace} are Guaranteed (requests == limits): no workload can use idle capacity.',
  },
  *check(snapshot, { thresholds }) {
    for (const ns of namespaceQos(snapshot)) {
      if (ns.pods < thresholds.namespaceQosMinPods || ns.byClass.Guaranteed !== ns.pods) continue;
      yield { messageId: 'allGuaranteed', path: [], at: ns.at, data: { pods: ns.pods, namespace: ns.namespace } };
    }
  },
});
