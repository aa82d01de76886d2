import { metricDef, type MetricGate } from './metrics.js';
import { bootstrapRelativeChange, mannWhitney, median, robustSd } from './stats.js';
import type { Direction, MetricSample, MetricUnit } from '../model/bench.js';

export type Verdict = 'regressed' | 'improved' | 'unchanged' | 'new' | 'missing';

/** How a verdict was reached: a test on repeats, or a bare difference when a side had fewer than 3 samples. */
export type Evidence = 'mann-whitney' | 'too-few-samples';

export interface CompareSettings {
  /** Two-sided significance level of the Mann-Whitney test (default 0.01: at 5 repeats a side only complete separation passes it). */
  readonly alpha: number;
  /** Per-metric minimum effect in percent (config `tolerances`), else the catalogue's default. */
  readonly minEffectPct: Readonly<Record<string, number>>;
  /** Per-metric gates (config `gates`) replacing the catalogue's. */
  readonly gates: Readonly<Record<string, MetricGate>>;
}

export const DEFAULT_COMPARE: CompareSettings = { alpha: 0.01, minEffectPct: {}, gates: {} };

export interface MetricComparison {
  readonly metric: string;
  readonly subject: string;
  readonly unit: MetricUnit;
  readonly direction: Direction;
  readonly baseline: readonly number[];
  readonly current: readonly number[];
  readonly baselineMedian?: number;
  readonly currentMedian?: number;
  /** Change of medians in percent of the baseline median (positive = larger). */
  readonly changePct?: number;
  /** 95 % bootstrap interval of the change, in percent. */
  readonly ciPct?: readonly [number, number];
  readonly p?: number;
  /** One robust standard deviation (MAD × 1.4826) of the noisier side, in percent of its median. */
  readonly noiseBandPct?: number;
  readonly minEffectPct: number;
  readonly evidence: Evidence;
  readonly verdict: Verdict;
}

const key = (s: MetricSample): string => `${s.metric}\u0000${s.subject}`;

function group(samples: readonly MetricSample[]): Map<string, MetricSample[]> {
  const out = new Map<string, MetricSample[]>();
  for (const s of samples) out.set(key(s), [...(out.get(key(s)) ?? []), s]);
  return out;
}

/** Robust standard deviation relative to the median: the noise of one sample. */
const relativeSd = (xs: readonly number[]): number => robustSd(xs) / Math.abs(median(xs));

const isWorse = (direction: Direction, changePct: number): boolean =>
  direction === 'higher' ? changePct < 0 : changePct > 0;

interface Decision {
  readonly verdict: Verdict;
  readonly evidence: Evidence;
  readonly p?: number;
  readonly ciPct?: readonly [number, number];
  readonly noiseBandPct?: number;
}

/** The verdict for one metric: flagged only outside the noise band, past the minimum effect and (with ≥ 3 repeats a side) significant. */
function decide(
  base: readonly number[],
  cur: readonly number[],
  how: {
    readonly changePct: number;
    readonly minEffect: number;
    readonly alpha: number;
    readonly direction: Direction;
  },
): Decision {
  const { changePct, minEffect, alpha, direction } = how;
  const flagged = (v: boolean): Verdict =>
    !v ? 'unchanged' : isWorse(direction, changePct) ? 'regressed' : 'improved';
  if (base.length < 3 || cur.length < 3) {
    // no noise estimate: only a change of twice the minimum effect counts
    return { verdict: flagged(Math.abs(changePct) >= 2 * minEffect), evidence: 'too-few-samples' };
  }
  const noiseBandPct = Math.max(relativeSd(base), relativeSd(cur)) * 100;
  const { p } = mannWhitney(base, cur);
  const [lo, hi] = bootstrapRelativeChange(base, cur);
  const ciPct = [lo * 100, hi * 100] as const;
  const outside = Math.abs(changePct) >= Math.max(minEffect, noiseBandPct) && (lo > 0 || hi < 0);
  return { verdict: flagged(outside && p < alpha), evidence: 'mann-whitney', p, ciPct, noiseBandPct };
}

function compareOne(
  [metric, subject]: readonly [string, string],
  base: readonly MetricSample[],
  cur: readonly MetricSample[],
  settings: CompareSettings,
): MetricComparison {
  const first = (cur[0] ?? base[0]) as MetricSample;
  const minEffectPct = settings.minEffectPct[metric] ?? metricDef(metric)?.minEffectPct ?? 5;
  const b = base.map((s) => s.value);
  const c = cur.map((s) => s.value);
  const common = {
    metric,
    subject,
    unit: first.unit,
    direction: first.direction,
    baseline: b,
    current: c,
    minEffectPct,
  };
  if (b.length === 0) return { ...common, currentMedian: median(c), evidence: 'too-few-samples', verdict: 'new' };
  if (c.length === 0) return { ...common, baselineMedian: median(b), evidence: 'too-few-samples', verdict: 'missing' };
  const bm = median(b);
  const cm = median(c);
  const changePct = bm === 0 ? (cm === 0 ? 0 : Infinity) : ((cm - bm) / Math.abs(bm)) * 100;
  const d = decide(b, c, { changePct, minEffect: minEffectPct, alpha: settings.alpha, direction: first.direction });
  return { ...common, baselineMedian: bm, currentMedian: cm, changePct, ...d };
}

/** Compares every metric × subject of the current samples with the baseline samples. Sorted by metric, subject. */
export function compareSamples(
  baseline: readonly MetricSample[],
  current: readonly MetricSample[],
  settings: CompareSettings = DEFAULT_COMPARE,
): readonly MetricComparison[] {
  const b = group(baseline);
  const c = group(current);
  const keys = [...new Set([...c.keys(), ...b.keys()])].sort();
  return keys.map((k) => {
    const [metric = '', subject = ''] = k.split('\u0000');
    return compareOne([metric, subject], b.get(k) ?? [], c.get(k) ?? [], settings);
  });
}
