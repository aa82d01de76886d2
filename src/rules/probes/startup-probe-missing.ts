import { defineRule } from '../../engine/define-rule.js';

const PROBE_TUNING = new Set([
  'initialDelaySeconds',
  'periodSeconds',
  'failureThreshold',
  'successThreshold',
  'timeoutSeconds',
  'terminationGracePeriodSeconds',
]);

export default defineRule({
  id: 'startup-probe-missing',
  area: 'probes',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'Slow starters use a startupProbe instead of a long liveness initialDelaySeconds.',
  rationale:
    'A long initialDelaySeconds on the liveness probe is a guess: too short and a slow start (cold JVM, cache load, CPU throttling at start-up) is killed in a restart loop; too long and a real hang goes unnoticed for that long after every restart. A startupProbe holds liveness off exactly until the app is up. The fix adds a startupProbe with the same check and the same worst-case start time, and drops the liveness delay.',
  messages: {
    missing:
      '{container}: livenessProbe waits {delay}s before its first check; use a startupProbe (threshold {threshold}s).',
  },
  *check(workload, { thresholds }) {
    for (const c of workload.runningContainers) {
      const live = c.livenessProbe;
      if (!live || c.startupProbe || live.initialDelaySeconds < thresholds.slowStartSeconds) continue;
      const handler = Object.fromEntries(Object.entries(live.raw).filter(([k]) => !PROBE_TUNING.has(k)));
      const period = thresholds.startupProbePeriodSeconds;
      const startup = {
        ...handler,
        periodSeconds: period,
        failureThreshold: Math.ceil(live.initialDelaySeconds / period) + live.failureThreshold,
        ...(live.raw['timeoutSeconds'] !== undefined ? { timeoutSeconds: live.raw['timeoutSeconds'] } : {}),
      };
      yield {
        messageId: 'missing',
        path: [...c.path, 'livenessProbe', 'initialDelaySeconds'],
        data: { container: c.name, delay: live.initialDelaySeconds, threshold: thresholds.slowStartSeconds },
        fix: [
          { op: 'add', path: [...c.path, 'startupProbe'], value: startup },
          { op: 'remove', path: [...c.path, 'livenessProbe', 'initialDelaySeconds'] },
        ],
      };
    }
  },
});
