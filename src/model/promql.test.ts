import { describe, expect, it } from 'vitest';
import { parsePromQL, selectorsOf, substituteTemplateVariables, type PromExpr } from './promql.js';

const ok = (q: string): PromExpr => {
  const r = parsePromQL(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
};

describe('parsePromQL', () => {
  it('builds a typed tree with functions, aggregations, selectors and ranges', () => {
    const e = ok(
      'histogram_quantile(0.99, sum by (le, verb) (rate(apiserver_request_duration_seconds_bucket{job="apiserver"}[5m])))',
    );
    expect(e).toMatchObject({ type: 'call', fn: 'histogram_quantile' });
    if (e.type !== 'call') throw new Error();
    expect(e.args[0]).toMatchObject({ type: 'number', value: '0.99' });
    expect(e.args[1]).toMatchObject({ type: 'aggregate', op: 'sum', grouping: { mode: 'by', labels: ['le', 'verb'] } });
    const [sel] = selectorsOf(e);
    expect(sel?.selector).toMatchObject({
      name: 'apiserver_request_duration_seconds_bucket',
      matchers: [{ name: 'job', op: '=', value: 'apiserver' }],
    });
    expect(sel?.ancestors.map((a) => a.type)).toEqual(['call', 'aggregate', 'call', 'matrix']);
  });

  it('handles binary operators with matching, offsets, subqueries and __name__ matchers', () => {
    const e = ok(
      'sum without (instance) (rate(a[5m] offset 1h)) / on(job) group_left b > bool 3 or max_over_time({__name__="c"}[1h:5m])',
    );
    expect(selectorsOf(e).map((s) => s.selector.name)).toEqual(['a', 'b', 'c']);
    expect(e).toMatchObject({ type: 'binary', op: 'or' });
  });

  it('reports syntax errors with line and column', () => {
    const r = parsePromQL('sum(rate(x[5m]) by');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ line: 1, column: 17 });
    const multi = parsePromQL('sum(\n  rate(x[5m]) +\n)');
    expect(multi.ok ? undefined : multi.error.line).toBe(3);
  });

  it('accepts Grafana template variables without moving positions', () => {
    const q = 'sum(rate(container_cpu_usage_seconds_total{namespace="$namespace"}[$__rate_interval])) by ($groupby)';
    expect(substituteTemplateVariables(q)).toHaveLength(q.length);
    const e = ok(q);
    expect(selectorsOf(e)[0]?.selector.matchers[0]?.value).toBe('$namespace');
  });
});
