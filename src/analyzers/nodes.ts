import { defineAnalyzer } from './define-analyzer.js';

/** Nodes (node-exporter): CPU, memory, disk IO and network, each aggregated per node in PromQL. */
export default defineAnalyzer({
  id: 'nodes',
  area: 'node',
  summary: 'Node CPU, load, memory, page faults, iowait, disk await and utilisation, network drops/errors, conntrack.',
  queries: {
    cpu: 'node-cpu-utilisation',
    load: 'node-load-per-cpu',
    memory: 'node-memory-utilisation',
    majorFaults: 'node-major-page-faults',
    iowait: 'node-iowait',
    diskAwait: 'node-disk-await',
    diskBusy: 'node-disk-utilisation',
    drops: 'node-network-drop-ratio',
    errors: 'node-network-error-ratio',
    conntrack: 'node-conntrack-usage',
  },
});
