/**
 * A small typed metric expression language: what a KPI measures, written once and evaluated two ways —
 * rendered to PromQL over a window for a live Prometheus, or evaluated over one scrape of raw `/metrics`
 * text (see metric-eval.ts). Every expression aggregates (`by` labels), so the number of queries never grows
 * with the number of nodes or pods.
 */
import { KubetuneError } from '../core/errors.js';

export class MetricExprError extends KubetuneError {
  readonly code = 'KT_METRIC_EXPR';
}

export type MatchOp = '=' | '!=' | '=~' | '!~';
export interface Matcher {
  readonly label: string;
  readonly op: MatchOp;
  readonly value: string;
}

export interface Selector {
  /** One metric name, or several (rendered as a `__name__` regex). */
  readonly metric: string | readonly string[];
  readonly matchers?: readonly Matcher[];
}

export type Aggregation = 'sum' | 'max' | 'min' | 'avg' | 'count';
/** How a gauge is reduced over the window before aggregation. */
export type OverTime = 'max' | 'min' | 'avg' | 'last';

export type MetricExpr =
  /** `sum by (by) (rate|increase(sel[window]))` */
  | {
      readonly kind: 'counter';
      readonly fn: 'rate' | 'increase';
      readonly sel: Selector;
      readonly by: readonly string[];
    }
  /** `agg by (by) (<over>_over_time(sel[window]))` */
  | {
      readonly kind: 'gauge';
      readonly sel: Selector;
      readonly by: readonly string[];
      readonly agg: Aggregation;
      readonly over: OverTime;
    }
  /** `histogram_quantile(q, sum by (le, by) (rate(<histogram>_bucket{matchers}[window])))` */
  | {
      readonly kind: 'quantile';
      readonly q: number;
      readonly histogram: string;
      readonly matchers?: readonly Matcher[];
      readonly by: readonly string[];
    }
  /** `(num or 0 * den) / (den > 0)`: a missing numerator means 0, a missing denominator means "not measured". */
  | { readonly kind: 'ratio'; readonly num: MetricExpr; readonly den: MetricExpr }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: MetricExpr;
      readonly right: MetricExpr;
    }
  | { readonly kind: 'const'; readonly value: number }
  /** The first alternative that has data (`a or b`), e.g. an SLI histogram with a fallback. */
  | { readonly kind: 'first'; readonly options: readonly MetricExpr[] };

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function checkName(name: string, re: RegExp, what: string): void {
  if (!re.test(name)) throw new MetricExprError(`invalid ${what}: ${JSON.stringify(name)}`);
}
function checkSelector(sel: Selector): Selector {
  for (const m of typeof sel.metric === 'string' ? [sel.metric] : sel.metric) checkName(m, METRIC_NAME, 'metric name');
  for (const m of sel.matchers ?? []) {
    checkName(m.label, LABEL_NAME, 'label name');
    if (m.op.includes('~')) new RegExp(m.value); // a malformed regex fails at definition time
  }
  return sel;
}
const checkBy = (by: readonly string[]): readonly string[] => {
  for (const l of by) checkName(l, LABEL_NAME, 'label name');
  return by;
};

/** Parses `name` or `name{a="x",b=~"y"}` into a Selector (definition-time helper for the catalogue). */
export function sel(text: string): Selector {
  const m = /^([a-zA-Z_:][a-zA-Z0-9_:|]*)(?:\{(.*)\})?$/.exec(text.trim());
  if (!m) throw new MetricExprError(`invalid selector: ${text}`);
  const names = m[1]!.split('|');
  const matchers: Matcher[] = [];
  const re = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*,?/gy;
  const body = m[2] ?? '';
  let consumed = 0;
  for (const part of body.matchAll(re)) {
    matchers.push({ label: part[1]!, op: part[2] as MatchOp, value: part[3]!.replace(/\\(.)/g, '$1') });
    consumed = (part.index ?? 0) + part[0].length;
  }
  if (consumed !== body.length) throw new MetricExprError(`invalid matchers in selector: ${text}`);
  return checkSelector({ metric: names.length === 1 ? names[0]! : names, matchers });
}

export const rate = (s: string | Selector, by: readonly string[] = []): MetricExpr => ({
  kind: 'counter',
  fn: 'rate',
  sel: typeof s === 'string' ? sel(s) : checkSelector(s),
  by: checkBy(by),
});
export const increase = (s: string | Selector, by: readonly string[] = []): MetricExpr => ({
  kind: 'counter',
  fn: 'increase',
  sel: typeof s === 'string' ? sel(s) : checkSelector(s),
  by: checkBy(by),
});
export const gauge = (
  s: string | Selector,
  opts: { readonly by?: readonly string[]; readonly agg?: Aggregation; readonly over?: OverTime } = {},
): MetricExpr => ({
  kind: 'gauge',
  sel: typeof s === 'string' ? sel(s) : checkSelector(s),
  by: checkBy(opts.by ?? []),
  agg: opts.agg ?? 'sum',
  over: opts.over ?? 'avg',
});
export const quantile = (q: number, histogram: string, by: readonly string[] = []): MetricExpr => {
  const s = sel(histogram);
  if (typeof s.metric !== 'string') throw new MetricExprError(`quantile needs one histogram: ${histogram}`);
  if (!(q > 0 && q < 1)) throw new MetricExprError(`quantile must be in (0, 1): ${q}`);
  return {
    kind: 'quantile',
    q,
    histogram: s.metric,
    ...(s.matchers?.length ? { matchers: s.matchers } : {}),
    by: checkBy(by),
  };
};
export const ratio = (num: MetricExpr, den: MetricExpr): MetricExpr => ({ kind: 'ratio', num, den });
export const binary = (op: '+' | '-' | '*' | '/', left: MetricExpr, right: MetricExpr): MetricExpr => ({
  kind: 'binary',
  op,
  left,
  right,
});
export const constant = (value: number): MetricExpr => ({ kind: 'const', value });
export const first = (...options: MetricExpr[]): MetricExpr => ({ kind: 'first', options });

/** The labels a result of `expr` carries (its grouping). */
export function groupingOf(expr: MetricExpr): readonly string[] {
  switch (expr.kind) {
    case 'counter':
    case 'gauge':
    case 'quantile':
      return expr.by;
    case 'ratio':
      return groupingOf(expr.den);
    case 'binary':
      return expr.left.kind === 'const' ? groupingOf(expr.right) : groupingOf(expr.left);
    case 'const':
      return [];
    case 'first':
      return expr.options[0] ? groupingOf(expr.options[0]) : [];
  }
}
