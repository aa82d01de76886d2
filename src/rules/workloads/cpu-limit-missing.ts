import { defineRule } from '../../engine/define-rule.js';
import { missingResource } from './container-resources.js';

export default defineRule({
  id: 'cpu-limit-missing',
  area: 'workloads',
  target: 'workload',
  defaultSeverity: 'info',
  summary: 'Every container declares a CPU limit.',
  rationale:
    'Without a CPU limit one container can take every idle core of a node, starving neighbours that burst at the same time. Many teams leave CPU limits off on purpose to avoid CFS throttling; the guide keeps a limit at about 1.5x the observed peak. Informational by default.',
  messages: { missing: '{container}: no cpu limit.' },
  check: (workload) => missingResource(workload, 'cpu', 'limit'),
});
