import { describe, expect, it } from 'vitest';
import { bootstrapRelativeChange, mannWhitney, median, quantile, robustSd } from './stats.js';

describe('stats', () => {
  it('quantiles interpolate linearly (type 7)', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.99)).toBeCloseTo(4.96, 10);
    expect(Number.isNaN(median([]))).toBe(true);
  });
  it('robust SD is MAD × 1.4826 and ignores one outlier', () => {
    expect(robustSd([10, 11, 9, 10, 1000])).toBeCloseTo(1.4826, 6);
  });
  it('Mann-Whitney exact p-values are the tail of the U distribution', () => {
    // n = 5 + 5: 252 arrangements; U = 0 in 1 of them (p = 2/252), U ≤ 4 in 1+1+2+3+5 = 12 (p = 24/252)
    expect(mannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])).toMatchObject({ u: 0, exact: true });
    expect(mannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]).p).toBeCloseTo(2 / 252, 10);
    expect(mannWhitney([1, 2, 3, 6, 7], [4, 5, 8, 9, 10]).p).toBeCloseTo(24 / 252, 10);
    expect(mannWhitney([1, 2, 3], [1.5, 2.5, 3.5]).p).toBe(0.7);
  });
  it('Mann-Whitney with ties uses the normal approximation', () => {
    const r = mannWhitney([1, 1, 2, 2, 3], [3, 3, 4, 4, 5]);
    expect(r.exact).toBe(false);
    expect(r.p).toBeGreaterThan(0.01);
    expect(r.p).toBeLessThan(0.05);
    expect(mannWhitney([1, 1, 1], [1, 1, 1]).p).toBe(1);
  });
  it('the bootstrap interval is deterministic and brackets the true change', () => {
    const base = [100, 101, 99, 100, 102, 98, 100];
    const cur = base.map((x) => x * 1.2);
    const [lo, hi] = bootstrapRelativeChange(base, cur);
    expect(bootstrapRelativeChange(base, cur)).toEqual([lo, hi]);
    expect(lo).toBeLessThan(0.2);
    expect(hi).toBeGreaterThan(0.2);
    expect(lo).toBeGreaterThan(0.1);
  });
});
