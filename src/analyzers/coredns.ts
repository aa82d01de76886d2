import { defineAnalyzer } from './define-analyzer.js';

/** CoreDNS, when it is scraped: latency and SERVFAIL ratio. */
export default defineAnalyzer({
  id: 'coredns',
  area: 'network',
  summary: 'CoreDNS latency p99 and SERVFAIL ratio.',
  queries: { latency: 'coredns-latency-p99', servfail: 'coredns-servfail-ratio' },
});
