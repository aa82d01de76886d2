import { defineAnalyzer } from './define-analyzer.js';

/** kube-apiserver: latency by scope, load, errors, throttling and API Priority and Fairness saturation. */
export default defineAnalyzer({
  id: 'api-server',
  area: 'control-plane',
  summary: 'API server latency, error and throttling ratios, APF seats and queueing.',
  queries: {
    latencyResource: 'apiserver-latency-p99-resource',
    latencyNamespace: 'apiserver-latency-p99-namespace',
    latencyCluster: 'apiserver-latency-p99-cluster',
    qps: 'apiserver-qps',
    errors5xx: 'apiserver-5xx-ratio',
    throttled429: 'apiserver-429-ratio',
    seats: 'apiserver-seat-saturation',
    rejections: 'apiserver-apf-rejections',
    queueWait: 'apiserver-apf-wait-p99',
  },
});
