import { defineRule } from '../../engine/define-rule.js';
import { missingResource } from './container-resources.js';

export default defineRule({
  id: 'memory-request-missing',
  area: 'workloads',
  target: 'workload',
  defaultSeverity: 'warning',
  summary: 'Every container declares a memory request.',
  rationale:
    'Without a memory request the scheduler overcommits nodes: pods are placed on nodes that cannot hold them and are the first evicted under memory pressure. The guide sets the memory request near 1.2x the steady-state working set.',
  messages: { missing: '{container}: no memory request.' },
  check: (workload) => missingResource(workload, 'memory', 'request'),
});
