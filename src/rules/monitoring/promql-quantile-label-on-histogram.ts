import { defineRule } from '../../engine/define-rule.js';
import { metricTypeOf } from '../../knowledge/metrics-catalogue.js';
import { selectorsOf } from '../../model/promql.js';
import { excerpt, monitoringSources, parsedQueries } from './queries.js';

export default defineRule({
  id: 'promql-quantile-label-on-histogram',
  area: 'monitoring',
  target: 'cluster',
  defaultSeverity: 'error',
  summary: 'Queries do not select a quantile label on histogram metrics.',
  rationale:
    'Only summaries carry a quantile label. Kubernetes components expose histograms (apiserver_request_duration_seconds, etcd_disk_wal_fsync_duration_seconds…), so a selector such as apiserver_request_duration_seconds{quantile="0.99"} matches nothing and the alert can never fire: a very common mistake when copying queries written for summaries. Use histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))). A metric counts as a histogram when it ends in _bucket or the metrics catalogue (real captures) says so.',
  messages: {
    quantileOnHistogram:
      '{where}: {metric} is a histogram and has no quantile label: the selector matches nothing. In: {query}',
  },
  *check(snapshot) {
    for (const src of monitoringSources(snapshot)) {
      for (const { query, expr } of parsedQueries(src.queries)) {
        for (const { selector } of selectorsOf(expr)) {
          const name = selector.name;
          if (!name || !selector.matchers.some((m) => m.name === 'quantile')) continue;
          const histogram = name.endsWith('_bucket') || metricTypeOf(name) === 'histogram';
          if (histogram)
            yield {
              at: src.at,
              messageId: 'quantileOnHistogram',
              path: query.path,
              data: { where: query.where, metric: name, query: excerpt(query.expr) },
            };
        }
      }
    }
  },
});
