import { defineRule } from '../../engine/define-rule.js';
import { missingResource } from './container-resources.js';

export default defineRule({
  id: 'memory-limit-missing',
  area: 'workloads',
  target: 'workload',
  defaultSeverity: 'warning',
  summary: 'Every container declares a memory limit.',
  rationale:
    'Without a memory limit a leaking container grows until the node runs out of memory and the kernel or kubelet kills whatever it picks, often a neighbour. The guide sets the limit at about 1.5x the observed peak.',
  messages: { missing: '{container}: no memory limit.' },
  check: (workload) => missingResource(workload, 'memory', 'limit'),
});
