/** Renders a MetricExpr to PromQL over a window. Pure and deterministic (tests pin exact strings). */
import type { Matcher, MetricExpr, Selector } from './metric-expr.js';

const quote = (v: string): string => JSON.stringify(v);

/** `5m`, `1h`, `90s`: the largest exact unit. */
export function formatPromDuration(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ] as const) {
    if (s % size === 0) return `${s / size}${unit}`;
  }
  return `${s}s`;
}

function renderMatchers(matchers: readonly Matcher[]): string {
  return matchers.map((m) => `${m.label}${m.op}${quote(m.value)}`).join(',');
}

export function renderSelector(sel: Selector, extra: readonly Matcher[] = []): string {
  const matchers = [...(sel.matchers ?? []), ...extra];
  if (typeof sel.metric === 'string') return `${sel.metric}${matchers.length ? `{${renderMatchers(matchers)}}` : ''}`;
  const name: Matcher = { label: '__name__', op: '=~', value: sel.metric.join('|') };
  return `{${renderMatchers([name, ...matchers])}}`;
}

const by = (labels: readonly string[]): string => (labels.length ? ` by (${labels.join(', ')})` : '');

/**
 * `agg by (labels) (fn(selector))`. With several metric names, `rate({__name__=~"a|b"})` would fail ("vector cannot
 * contain metrics with the same labelset": functions drop the name), so each name is aggregated on its own, tagged
 * with a `kt_src` label so `or` keeps them all, and summed: a missing name simply contributes nothing.
 */
function perName(sel: Selector, labels: readonly string[], agg: string, fn: (s: Selector) => string): string {
  if (typeof sel.metric === 'string') return `${agg}${by(labels)} (${fn(sel)})`;
  const parts = sel.metric.map(
    (name, i) => `label_replace(${agg}${by(labels)} (${fn({ ...sel, metric: name })}), "kt_src", "${i}", "", "")`,
  );
  return `sum${by(labels)} (${parts.join(' or ')})`;
}

/** PromQL for `expr`, each range vector spanning `windowSeconds`. */
export function toPromQL(expr: MetricExpr, windowSeconds: number): string {
  const w = formatPromDuration(windowSeconds);
  const go = (e: MetricExpr): string => {
    switch (e.kind) {
      case 'counter':
        return perName(e.sel, e.by, 'sum', (s) => `${e.fn}(${renderSelector(s)}[${w}])`);
      case 'gauge':
        return perName(e.sel, e.by, e.agg, (s) => `${e.over}_over_time(${renderSelector(s)}[${w}])`);
      case 'quantile': {
        const bucket = renderSelector({ metric: `${e.histogram}_bucket`, matchers: e.matchers ?? [] });
        return `histogram_quantile(${e.q}, sum${by(['le', ...e.by])} (rate(${bucket}[${w}])))`;
      }
      case 'ratio': {
        const den = go(e.den);
        return `((${go(e.num)}) or (0 * (${den}))) / ((${den}) > 0)`;
      }
      case 'binary':
        return `(${go(e.left)}) ${e.op} (${go(e.right)})`;
      case 'const':
        return String(e.value);
      case 'first':
        return e.options.map((o) => `(${go(o)})`).join(' or ');
    }
  };
  return go(expr);
}

/** Wraps a grouped query so at most `k` series (the worst) come back: result size never grows with the cluster. */
export const topkPromQL = (promql: string, k: number): string => `topk(${k}, ${promql})`;
