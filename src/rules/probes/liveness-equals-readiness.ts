import { defineRule } from '../../engine/define-rule.js';
import { isDeepStrictEqual } from '../../core/equal.js';

export default defineRule({
  id: 'liveness-equals-readiness',
  area: 'probes',
  target: 'workload',
  defaultSeverity: 'warning',
  summary: 'The livenessProbe differs from the readinessProbe.',
  rationale:
    'With identical probes, an overloaded pod fails liveness at the same moment it fails readiness: instead of being taken out of the Service until it recovers, it is restarted, losing its warm state and pushing its load onto the other replicas, which then fail too (cascading restarts). The guide: readiness faster than liveness; never identical.',
  messages: { identical: '{container}: livenessProbe is identical to readinessProbe.' },
  *check(workload) {
    for (const c of workload.runningContainers) {
      if (!c.livenessProbe || !c.readinessProbe) continue;
      if (!isDeepStrictEqual(c.livenessProbe.raw, c.readinessProbe.raw)) continue;
      yield { messageId: 'identical', path: [...c.path, 'livenessProbe'], data: { container: c.name } };
    }
  },
});
