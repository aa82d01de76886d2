import { defineRule } from '../../engine/define-rule.js';

export default defineRule({
  id: 'readiness-probe-missing',
  area: 'probes',
  target: 'workload',
  defaultSeverity: 'warning',
  summary: 'Long-running containers declare a readinessProbe.',
  rationale:
    'Without a readiness probe a pod receives traffic as soon as its process starts, before caches are warm or connections are open, and keeps receiving it while overloaded. Rolling updates then cause error spikes and latency outliers.',
  messages: { missing: '{container}: no readinessProbe.' },
  *check(workload) {
    if (!workload.isLongRunning) return;
    for (const c of workload.containers) {
      if (c.readinessProbe) continue;
      yield { messageId: 'missing', path: [...c.path, 'readinessProbe'], data: { container: c.name } };
    }
  },
});
