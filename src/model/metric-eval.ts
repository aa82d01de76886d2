/**
 * Evaluates a MetricExpr over one scrape of `/metrics` text (offline mode). Counters in a scrape are cumulative
 * since process start, so a ratio of two counters (or a histogram quantile) is a lifetime figure, while a bare rate
 * needs a time base a single scrape does not have: such results are marked `timeDependent` and the caller reports
 * them as "not measured" instead of inventing a value.
 */
import type { Labels } from './prom-api.js';
import type { Matcher, MetricExpr, Selector } from './metric-expr.js';

export interface ScrapedSample {
  readonly name: string;
  readonly labels: Labels;
  readonly value: number;
}

/** Samples indexed by metric name. */
export type SampleSet = ReadonlyMap<string, readonly ScrapedSample[]>;

export function indexSamples(samples: Iterable<ScrapedSample>): SampleSet {
  const map = new Map<string, ScrapedSample[]>();
  for (const s of samples) {
    const list = map.get(s.name);
    if (list) list.push(s);
    else map.set(s.name, [s]);
  }
  return map;
}

export interface EvalSeries {
  readonly labels: Labels;
  readonly value: number;
}
export interface EvalResult {
  readonly series: readonly EvalSeries[];
  /** True when the value depends on an elapsed time a single scrape cannot give (e.g. requests per second). */
  readonly timeDependent: boolean;
}

const regexCache = new Map<string, RegExp>();
const anchored = (re: string): RegExp => {
  let r = regexCache.get(re);
  if (!r) regexCache.set(re, (r = new RegExp(`^(?:${re})$`)));
  return r;
};

function matches(labels: Labels, m: Matcher): boolean {
  const v = labels[m.label] ?? '';
  switch (m.op) {
    case '=':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return anchored(m.value).test(v);
    case '!~':
      return !anchored(m.value).test(v);
  }
}

function select(set: SampleSet, sel: Selector): ScrapedSample[] {
  const names = typeof sel.metric === 'string' ? [sel.metric] : sel.metric;
  return names.flatMap((n) =>
    (set.get(n) ?? []).filter((s) => (sel.matchers ?? []).every((m) => matches(s.labels, m))),
  );
}

const keyOf = (labels: Labels, by: readonly string[]): string => by.map((l) => labels[l] ?? '').join('\u0000');
const pick = (labels: Labels, by: readonly string[]): Labels =>
  Object.fromEntries(by.filter((l) => (labels[l] ?? '') !== '').map((l) => [l, labels[l]!]));

type Agg = 'sum' | 'max' | 'min' | 'avg' | 'count';
function aggregate(
  samples: readonly { labels: Labels; value: number }[],
  by: readonly string[],
  agg: Agg,
): EvalSeries[] {
  const groups = new Map<string, { labels: Labels; values: number[] }>();
  for (const s of samples) {
    const k = keyOf(s.labels, by);
    const g = groups.get(k) ?? { labels: pick(s.labels, by), values: [] };
    g.values.push(s.value);
    groups.set(k, g);
  }
  return [...groups.values()].map((g) => ({ labels: g.labels, value: reduce(g.values, agg) }));
}
function reduce(values: readonly number[], agg: Agg): number {
  if (agg === 'max') return values.reduce((a, b) => (b > a ? b : a), -Infinity);
  if (agg === 'min') return values.reduce((a, b) => (b < a ? b : a), Infinity);
  if (agg === 'count') return values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  return agg === 'avg' ? sum / values.length : sum;
}

/** Prometheus' histogram_quantile over cumulative buckets (linear interpolation, +Inf → highest finite bound). */
export function bucketQuantile(q: number, buckets: readonly { le: number; count: number }[]): number {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const last = sorted[sorted.length - 1];
  if (sorted.length < 2 || !last || last.le !== Infinity) return NaN;
  const total = last.count;
  if (total === 0) return NaN;
  const rank = q * total;
  const i = sorted.findIndex((b) => b.count >= rank);
  const b = sorted[i]!;
  if (b.le === Infinity) return sorted[sorted.length - 2]!.le;
  const lower = i === 0 ? 0 : sorted[i - 1]!.le;
  const below = i === 0 ? 0 : sorted[i - 1]!.count;
  if (i === 0 && b.le <= 0) return b.le;
  const inBucket = b.count - below;
  return inBucket === 0 ? b.le : lower + (b.le - lower) * ((rank - below) / inBucket);
}

function quantileOf(set: SampleSet, e: Extract<MetricExpr, { kind: 'quantile' }>): EvalSeries[] {
  const samples = select(set, { metric: `${e.histogram}_bucket`, matchers: e.matchers ?? [] });
  const summed = aggregate(samples, [...e.by, 'le'], 'sum');
  const groups = new Map<string, { labels: Labels; buckets: { le: number; count: number }[] }>();
  for (const s of summed) {
    const k = keyOf(s.labels, e.by);
    const g = groups.get(k) ?? { labels: pick(s.labels, e.by), buckets: [] };
    g.buckets.push({ le: Number(s.labels['le'] === '+Inf' ? Infinity : s.labels['le']), count: s.value });
    groups.set(k, g);
  }
  return [...groups.values()].map((g) => ({ labels: g.labels, value: bucketQuantile(e.q, g.buckets) }));
}

const labelKey = (labels: Labels): string =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join('\u0000');

function combine(l: EvalResult, r: EvalResult, op: (a: number, b: number) => number | undefined): EvalSeries[] {
  const right = new Map(r.series.map((s) => [labelKey(s.labels), s]));
  const out: EvalSeries[] = [];
  for (const s of l.series) {
    const other = right.get(labelKey(s.labels)) ?? (r.series.length === 1 && isConst(r) ? r.series[0] : undefined);
    const v = other === undefined ? undefined : op(s.value, other.value);
    if (v !== undefined) out.push({ labels: s.labels, value: v });
  }
  return out;
}
const isConst = (r: EvalResult): boolean => r.series.length === 1 && Object.keys(r.series[0]!.labels).length === 0;

const OPS = {
  '+': (a: number, b: number) => a + b,
  '-': (a: number, b: number) => a - b,
  '*': (a: number, b: number) => a * b,
  '/': (a: number, b: number) => a / b,
} as const;

/** Evaluates `expr` over one scrape; see the module comment for `timeDependent`. */
export function evaluateOnSamples(expr: MetricExpr, set: SampleSet): EvalResult {
  switch (expr.kind) {
    case 'counter':
      return { series: aggregate(select(set, expr.sel), expr.by, 'sum'), timeDependent: true };
    case 'gauge':
      return { series: aggregate(select(set, expr.sel), expr.by, expr.agg), timeDependent: false };
    case 'quantile':
      return { series: quantileOf(set, expr), timeDependent: false };
    case 'const':
      return { series: [{ labels: {}, value: expr.value }], timeDependent: false };
    case 'first': {
      for (const o of expr.options) {
        const r = evaluateOnSamples(o, set);
        if (r.series.length) return r;
      }
      return { series: [], timeDependent: false };
    }
    case 'ratio': {
      const num = evaluateOnSamples(expr.num, set);
      const den = evaluateOnSamples(expr.den, set);
      const numByKey = new Map(num.series.map((s) => [labelKey(s.labels), s.value]));
      const series = den.series
        .filter((d) => d.value > 0)
        .map((d) => ({ labels: d.labels, value: (numByKey.get(labelKey(d.labels)) ?? 0) / d.value }));
      return { series, timeDependent: num.timeDependent !== den.timeDependent };
    }
    case 'binary': {
      const l = evaluateOnSamples(expr.left, set);
      const r = evaluateOnSamples(expr.right, set);
      const swap = isConst(l) && !isConst(r);
      const series = swap ? combine(r, l, (a, b) => OPS[expr.op](b, a)) : combine(l, r, OPS[expr.op]);
      const td = expr.op === '/' ? l.timeDependent !== r.timeDependent : l.timeDependent || r.timeDependent;
      return { series, timeDependent: td };
    }
  }
}
