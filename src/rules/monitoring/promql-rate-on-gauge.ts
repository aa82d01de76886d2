import { defineRule } from '../../engine/define-rule.js';
import { metricTypeOf } from '../../knowledge/metrics-catalogue.js';
import { selectorsOf } from '../../model/promql.js';
import { excerpt, monitoringSources, parsedQueries } from './queries.js';

const COUNTER_FUNCTIONS = new Set(['rate', 'irate', 'increase', 'resets']);

export default defineRule({
  id: 'promql-rate-on-gauge',
  area: 'monitoring',
  target: 'cluster',
  defaultSeverity: 'warning',
  summary: 'rate, irate and increase are applied to counters, not gauges.',
  rationale:
    'rate() assumes a monotonic counter and treats every decrease as a counter reset: applied to a gauge (memory in use, queue depth, inflight requests) it returns nonsense spikes each time the gauge goes down. Use deriv() or delta() for the trend of a gauge, or the *_over_time functions for its level. The metric type comes from the metrics catalogue built from real captures of the Kubernetes components; other metrics are not judged.',
  messages: {
    rateOnGauge:
      '{where}: {fn}() over the gauge {metric}: every decrease counts as a reset. Use deriv() or *_over_time(). In: {query}',
  },
  *check(snapshot) {
    for (const src of monitoringSources(snapshot)) {
      for (const { query, expr } of parsedQueries(src.queries)) {
        for (const { selector, ancestors } of selectorsOf(expr)) {
          const name = selector.name;
          if (!name || metricTypeOf(name) !== 'gauge') continue;
          const call = [...ancestors].reverse().find((a) => a.type === 'call');
          if (call?.type !== 'call' || !COUNTER_FUNCTIONS.has(call.fn)) continue;
          if (ancestors[ancestors.length - 1]?.type !== 'matrix') continue;
          yield {
            at: src.at,
            messageId: 'rateOnGauge',
            path: query.path,
            data: { where: query.where, fn: call.fn, metric: name, query: excerpt(query.expr) },
          };
        }
      }
    }
  },
});
