import { defineRule } from '../../engine/define-rule.js';
import { missingResource } from './container-resources.js';

export default defineRule({
  id: 'cpu-request-missing',
  area: 'workloads',
  target: 'workload',
  defaultSeverity: 'warning',
  summary: 'Every container declares a CPU request.',
  rationale:
    'Without a CPU request the scheduler places the pod as if it used nothing: it lands on busy nodes and, under contention, gets the smallest CPU share (BestEffort or low cpu.weight). The guide sets the request at the p95 of observed usage.',
  messages: { missing: '{container}: no cpu request.' },
  check: (workload) => missingResource(workload, 'cpu', 'request'),
});
