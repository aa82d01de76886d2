import { defineRule } from '../../engine/define-rule.js';
import { isReplicated, podAffinityTerms, spreadConstraints } from './pod-scheduling.js';

export default defineRule({
  id: 'replicas-without-spread',
  area: 'scheduling',
  target: 'workload',
  defaultSeverity: 'info',
  summary: 'Multi-replica workloads say how their replicas spread over nodes and zones.',
  rationale:
    "Replicas exist to survive the loss of a node or a zone. The scheduler's built-in default spreading (since 1.24: soft, maxSkew 3 per node and 5 per zone) is only a scoring hint and loses against resource fit, so several replicas often land on the same node. topologySpreadConstraints (or pod anti-affinity) on kubernetes.io/hostname and topology.kubernetes.io/zone make the intent explicit; prefer whenUnsatisfiable: ScheduleAnyway unless spreading is a hard requirement.",
  messages: {
    noSpread:
      '{replicas} replicas with no topologySpreadConstraints or pod anti-affinity: they may all land on one node or zone.',
  },
  *check(workload, { thresholds }) {
    if (!isReplicated(workload, thresholds.replicatedMinReplicas)) return;
    if (spreadConstraints(workload).length > 0) return;
    if (
      podAffinityTerms(workload, 'podAntiAffinity', true).length +
        podAffinityTerms(workload, 'podAntiAffinity', false).length >
      0
    )
      return;
    yield { messageId: 'noSpread', path: workload.podSpecPath, data: { replicas: workload.replicas ?? 1 } };
  },
});
