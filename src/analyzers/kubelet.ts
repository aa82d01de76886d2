import { defineAnalyzer } from './define-analyzer.js';

/** kubelet: pod start SLI, PLEG relist, container runtime operations. */
export default defineAnalyzer({
  id: 'kubelet',
  area: 'node',
  summary: 'Pod startup latency SLI, PLEG relist p99, runtime operation latency.',
  queries: { podStart: 'kubelet-pod-start-p99', pleg: 'kubelet-pleg-relist-p99', runtimeOps: 'kubelet-runtime-op-p99' },
});
