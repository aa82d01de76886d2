import { defineRule } from '../../engine/define-rule.js';
import { hpaView } from './hpa-view.js';

export default defineRule({
  id: 'hpa-replica-bounds',
  area: 'autoscaling',
  target: 'object',
  kinds: ['HorizontalPodAutoscaler'],
  defaultSeverity: 'error',
  summary: 'An HPA has minReplicas below maxReplicas.',
  rationale:
    'minReplicas above maxReplicas is rejected by the API server; equal values pin the replica count, so the HPA only adds controller churn and hides the fact that the workload does not scale. A minReplicas of 1 for a service that needs redundancy is a separate concern (see the scheduling rules).',
  messages: {
    minAboveMax: 'minReplicas {min} is above maxReplicas {max}: the API server rejects this HPA.',
    noRange:
      'minReplicas equals maxReplicas ({max}): the HPA never scales; set the replica count on the workload instead.',
  },
  *check(resource) {
    const hpa = hpaView(resource);
    if (hpa.maxReplicas === undefined) return;
    const data = { min: hpa.minReplicas, max: hpa.maxReplicas };
    if (hpa.minReplicas > hpa.maxReplicas) yield { messageId: 'minAboveMax', path: ['spec', 'minReplicas'], data };
    else if (hpa.minReplicas === hpa.maxReplicas) yield { messageId: 'noRange', path: ['spec', 'maxReplicas'], data };
  },
});
