import { defineRule } from '../../engine/define-rule.js';
import { bucketSelectors, histogramQuantiles } from './histogram-helpers.js';
import { excerpt, MONITORING_KINDS, parsedQueries } from './queries.js';

export default defineRule({
  id: 'promql-aggregation-drops-le',
  area: 'monitoring',
  target: 'object',
  kinds: MONITORING_KINDS,
  defaultSeverity: 'error',
  summary: 'Aggregations under histogram_quantile keep the le label.',
  rationale:
    'histogram_quantile needs the bucket boundary label le on every series it gets. An aggregation in between that groups by other labels only (sum by (job) (…)) or drops le (sum without (le) (…)) merges the buckets: the result is empty, and the alert never fires or the panel shows "no data". Keep le in the by() list: sum by (le, job) (rate(x_bucket[5m])).',
  messages: {
    dropsLe: '{where}: {aggregation} removes le before histogram_quantile: the query returns nothing. In: {query}',
  },
  *check(resource) {
    for (const { query, expr } of parsedQueries(resource)) {
      for (const { arg } of histogramQuantiles(expr)) {
        if (bucketSelectors(arg).length === 0) continue; // native histograms carry their buckets inside
        const seen = new Set<number>();
        for (const { ancestors } of bucketSelectors(arg)) {
          for (const a of [arg, ...ancestors]) {
            if (a.type !== 'aggregate' || seen.has(a.from)) continue;
            const g = a.grouping;
            const drops = g ? (g.mode === 'by' ? !g.labels.includes('le') : g.labels.includes('le')) : true;
            if (!drops || a.op === 'topk' || a.op === 'bottomk') continue;
            seen.add(a.from);
            const aggregation = `${a.op}${g ? ` ${g.mode} (${g.labels.join(', ')})` : ''}`;
            yield {
              messageId: 'dropsLe',
              path: query.path,
              data: { where: query.where, aggregation, query: excerpt(query.expr) },
            };
          }
        }
      }
    }
  },
});
