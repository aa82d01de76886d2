import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(Array.from({ length: 5 }, c)).not.toEqual(xs);
  });

  it('keeps the pinned mulberry32 sequence (seeded test cases and bench traces depend on it) and stays in [0, 1)', () => {
    // First outputs × 2^32 of mulberry32(0), pinned: a change here changes every seeded sample and trace.
    const r = seededRandom(0);
    expect(Math.round(r() * 4294967296)).toBe(1144304738);
    expect(Math.round(r() * 4294967296)).toBe(1416247);
    const s = seededRandom(7);
    let lo = 1;
    let hi = 0;
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = s();
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      sum += x;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });
});
