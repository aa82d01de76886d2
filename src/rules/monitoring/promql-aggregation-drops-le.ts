import { defineRule } from '../../engine/define-rule.js';
import type { PromExpr } from '../../model/promql.js';
import { bucketSelectors, histogramQuantiles } from './histogram-helpers.js';
import { excerpt, monitoringSources, parsedQueries } from './queries.js';

/** Aggregations between histogram_quantile and its classic-histogram buckets that lose the le label. */
function aggregationsDroppingLe(arg: PromExpr): string[] {
  const buckets = bucketSelectors(arg);
  if (buckets.length === 0) return []; // native histograms carry their buckets inside
  const found = new Map<number, string>();
  for (const { ancestors } of buckets) {
    for (const a of [arg, ...ancestors]) {
      if (a.type !== 'aggregate' || a.op === 'topk' || a.op === 'bottomk') continue;
      const g = a.grouping;
      const drops = g ? (g.mode === 'by' ? !g.labels.includes('le') : g.labels.includes('le')) : true;
      if (drops) found.set(a.from, `${a.op}${g ? ` ${g.mode} (${g.labels.join(', ')})` : ''}`);
    }
  }
  return [...found.values()];
}

export default defineRule({
  id: 'promql-aggregation-drops-le',
  area: 'monitoring',
  target: 'cluster',
  defaultSeverity: 'error',
  summary: 'Aggregations under histogram_quantile keep the le label.',
  rationale:
    'histogram_quantile needs the bucket boundary label le on every series it gets. An aggregation in between that groups by other labels only (sum by (job) (…)) or drops le (sum without (le) (…)) merges the buckets: the result is empty, and the alert never fires or the panel shows "no data". Keep le in the by() list: sum by (le, job) (rate(x_bucket[5m])).',
  messages: {
    dropsLe: '{where}: {aggregation} removes le before histogram_quantile: the query returns nothing. In: {query}',
  },
  *check(snapshot) {
    for (const src of monitoringSources(snapshot)) {
      for (const { query, expr } of parsedQueries(src.queries)) {
        for (const { arg } of histogramQuantiles(expr)) {
          for (const aggregation of aggregationsDroppingLe(arg)) {
            yield {
              at: src.at,
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
