import { defineAnalyzer } from './define-analyzer.js';

/** Containers (cAdvisor, kube-state-metrics, app metrics): throttling, CPU and memory vs limits, OOM kills, restarts, latency. */
export default defineAnalyzer({
  id: 'containers',
  area: 'workloads',
  summary: 'CPU throttling, CPU and memory vs limits, OOM kills, restarts, service latency.',
  queries: {
    throttling: 'container-cpu-throttling',
    cpuVsLimit: 'container-cpu-vs-limit',
    memoryVsLimit: 'container-memory-vs-limit',
    oomKills: 'container-oom-kills',
    restarts: 'container-restarts',
    serviceLatency: 'service-latency-p99',
  },
});
