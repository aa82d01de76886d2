import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  id: 'liveness-probe-missing',
  area: 'probes',
  target: 'workload',
  defaultSeverity: 'info',
  summary: 'Long-running containers declare a livenessProbe.',
  rationale:
    'A process that deadlocks without exiting keeps its pod Running and its share of the node forever; only a liveness probe lets the kubelet restart it. Informational: a wrong liveness probe is worse than none, so add one that checks the process itself, never its dependencies.',
  messages: { missing: '{container}: no livenessProbe.' },
  *check(workload) {
    if (!workload.isLongRunning) return;
    for (const c of workload.containers) {
      if (c.livenessProbe) continue;
      yield { messageId: 'missing', path: [...c.path, 'livenessProbe'], data: { container: c.name } };
    }
  },
});
