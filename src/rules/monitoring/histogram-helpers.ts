import type { PromExpr } from '../../model/promql.js';
import { selectorsOf } from '../../model/promql.js';

export const RANGE_FUNCTIONS = new Set([
  'rate',
  'irate',
  'increase',
  'delta',
  'idelta',
  'sum_over_time',
  'avg_over_time',
  'max_over_time',
  'min_over_time',
  'last_over_time',
]);

/** `histogram_quantile(φ, <arg>)` calls of an expression with their bucket argument. */
export function histogramQuantiles(e: PromExpr): { call: Extract<PromExpr, { type: 'call' }>; arg: PromExpr }[] {
  const out: { call: Extract<PromExpr, { type: 'call' }>; arg: PromExpr }[] = [];
  const visit = (n: PromExpr): void => {
    if (n.type === 'call' && n.fn === 'histogram_quantile' && n.args[1]) out.push({ call: n, arg: n.args[1] });
    for (const c of n.type === 'call' || n.type === 'aggregate'
      ? n.args
      : n.type === 'binary'
        ? [n.lhs, n.rhs]
        : 'expr' in n
          ? [n.expr]
          : [])
      visit(c);
  };
  visit(e);
  return out;
}

/** Classic-histogram bucket selectors (`*_bucket`) inside an expression, with their ancestors inside it. */
export const bucketSelectors = (e: PromExpr) => selectorsOf(e).filter((s) => s.selector.name?.endsWith('_bucket'));
