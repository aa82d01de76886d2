/** Robust statistics for bench samples: pure, deterministic (the bootstrap takes a seed). */

import { seededRandom } from '../core/random.js';

const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

/** Linear-interpolated quantile (type 7, as R and NumPy default), q in [0, 1]. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = sorted(xs);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const a = s[lo] as number;
  const b = s[Math.min(lo + 1, s.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** Median absolute deviation, scaled by 1.4826 so it estimates the standard deviation of normal noise. */
export function robustSd(xs: readonly number[]): number {
  const m = median(xs);
  return 1.4826 * median(xs.map((x) => Math.abs(x - m)));
}

/** Ranks with ties given their mean rank (1-based). */
function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(values.length).fill(0);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.v === order[i]?.v) j++;
    for (let k = i; k <= j; k++) out[(order[k] as { i: number }).i] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Number of ways to reach each U (0..n1*n2) for samples of size n1, n2 without ties (exact null distribution). */
function uCounts(n1: number, n2: number): number[] {
  // f[i][j][u]: arrangements of i x's and j y's with statistic u; built by the last element being x (adds j) or y
  let prev: number[][] = Array.from({ length: n2 + 1 }, () => [1]);
  for (let i = 1; i <= n1; i++) {
    const cur: number[][] = [[1]];
    for (let j = 1; j <= n2; j++) {
      const size = i * j + 1;
      const row = new Array<number>(size).fill(0);
      const fromX = prev[j] ?? [];
      const fromY = cur[j - 1] ?? [];
      fromX.forEach((c, u) => (row[u + j] = (row[u + j] ?? 0) + c));
      fromY.forEach((c, u) => (row[u] = (row[u] ?? 0) + c));
      cur.push(row);
    }
    prev = cur;
  }
  return prev[n2] ?? [1];
}

const normalCdf = (z: number): number => {
  // Abramowitz-Stegun 7.1.26 via erf
  const t = 1 / (1 + 0.3275911 * Math.abs(z / Math.SQRT2));
  const erf =
    1 -
    t *
      (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) *
      Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
};

export interface MannWhitney {
  readonly u: number;
  /** Two-sided p-value: exact when there are no ties and n1·n2 ≤ 400, normal approximation with tie correction otherwise. */
  readonly p: number;
  readonly exact: boolean;
}

/** Mann-Whitney U test of a against b (two-sided). */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitney {
  const n1 = a.length;
  const n2 = b.length;
  const r = ranks([...a, ...b]);
  const r1 = r.slice(0, n1).reduce((s, x) => s + x, 0);
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u = Math.min(u1, n1 * n2 - u1);
  const hasTies = new Set([...a, ...b]).size < n1 + n2;
  if (!hasTies && n1 * n2 <= 400) {
    const counts = uCounts(n1, n2);
    const total = counts.reduce((s, c) => s + c, 0);
    const tail = counts.slice(0, Math.floor(u) + 1).reduce((s, c) => s + c, 0);
    return { u, p: Math.min(1, (2 * tail) / total), exact: true };
  }
  const n = n1 + n2;
  const tieGroups = new Map<number, number>();
  for (const x of r) tieGroups.set(x, (tieGroups.get(x) ?? 0) + 1);
  const tieTerm = [...tieGroups.values()].reduce((s, t) => s + (t ** 3 - t), 0) / (n * (n - 1));
  const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm));
  if (sd === 0) return { u, p: 1, exact: false };
  const z = (Math.abs(u1 - (n1 * n2) / 2) - 0.5) / sd;
  return { u, p: Math.min(1, 2 * (1 - normalCdf(z))), exact: false };
}

/** Percentile-bootstrap confidence interval of the relative change of medians, median(current)/median(baseline) − 1. */
export function bootstrapRelativeChange(
  baseline: readonly number[],
  current: readonly number[],
  options: { iterations?: number; confidence?: number; seed?: number } = {},
): readonly [number, number] {
  const { iterations = 2000, confidence = 0.95, seed = 1 } = options;
  const next = seededRandom(seed);
  const resample = (xs: readonly number[]): number[] => xs.map(() => xs[Math.floor(next() * xs.length)] as number);
  const changes: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const mb = median(resample(baseline));
    if (mb !== 0) changes.push(median(resample(current)) / mb - 1);
  }
  const alpha = (1 - confidence) / 2;
  return [quantile(changes, alpha), quantile(changes, 1 - alpha)];
}
