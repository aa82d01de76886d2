/** Small, deterministic statistics for the latency model: seeded random numbers, error measures, quantiles. */

export { seededRandom } from '../../core/random.js';

export interface Scores {
  /** Mean absolute error, in the target's unit (seconds). */
  readonly mae: number;
  /** Mean absolute percentage error, 0..1 (rows with a zero target are left out). */
  readonly mape: number;
  /** Coefficient of determination on the same rows (1 is perfect, ≤ 0 is no better than the mean). */
  readonly r2: number;
}

export function scores(actual: readonly number[], predicted: readonly number[]): Scores {
  const n = actual.length;
  if (n === 0) return { mae: NaN, mape: NaN, r2: NaN };
  let abs = 0;
  let pct = 0;
  let pctN = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i]! / n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const a = actual[i]!;
    const e = a - predicted[i]!;
    abs += Math.abs(e);
    if (a !== 0) {
      pct += Math.abs(e / a);
      pctN++;
    }
    ssRes += e * e;
    ssTot += (a - mean) * (a - mean);
  }
  return { mae: abs / n, mape: pctN ? pct / pctN : NaN, r2: ssTot > 0 ? 1 - ssRes / ssTot : NaN };
}

/** Linear-interpolated quantile of unsorted values (q in 0..1). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length ? sum / values.length : NaN;
}
