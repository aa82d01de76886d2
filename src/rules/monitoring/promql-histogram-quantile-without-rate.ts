import { defineRule } from '../../engine/define-rule.js';
import { bucketSelectors, histogramQuantiles, RANGE_FUNCTIONS } from './histogram-helpers.js';
import { excerpt, monitoringSources, parsedQueries } from './queries.js';

export default defineRule({
  id: 'promql-histogram-quantile-without-rate',
  area: 'monitoring',
  target: 'cluster',
  defaultSeverity: 'error',
  summary: 'histogram_quantile is applied to the rate of _bucket counters, not to the raw counters.',
  rationale:
    "Histogram buckets are cumulative counters since process start. histogram_quantile over the raw _bucket series computes the quantile of everything ever observed: the value barely moves, hides every regression and resets with each restart. Take rate() (or increase()) over a window first: histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))). The guide's own API p99 query is written that way.",
  messages: {
    noRate:
      '{where}: histogram_quantile over {metric} without rate(): it measures all observations since start. In: {query}',
  },
  *check(snapshot) {
    for (const src of monitoringSources(snapshot)) {
      for (const { query, expr } of parsedQueries(src.queries)) {
        for (const { arg } of histogramQuantiles(expr)) {
          for (const { selector, ancestors } of bucketSelectors(arg)) {
            if (ancestors.some((a) => a.type === 'call' && RANGE_FUNCTIONS.has(a.fn))) continue;
            yield {
              at: src.at,
              messageId: 'noRate',
              path: query.path,
              data: { where: query.where, metric: selector.name!, query: excerpt(query.expr) },
            };
          }
        }
      }
    }
  },
});
