import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { mergeRangeChunks, splitRange } from './range.js';

describe('splitRange', () => {
  test.prop([
    fc.integer({ min: 0, max: 1e6 }),
    fc.integer({ min: 0, max: 5000 }),
    fc.integer({ min: 1, max: 600 }),
    fc.integer({ min: 1, max: 400 }),
  ])(
    'covers every step of the window exactly once, with at most maxPoints per chunk',
    (start, steps, step, maxPoints) => {
      const window = { startSeconds: start, endSeconds: start + steps * step, stepSeconds: step };
      const chunks = splitRange(window, maxPoints);
      const points = chunks.flatMap((c) => {
        const n = Math.floor((c.endSeconds - c.startSeconds) / step) + 1;
        expect(n).toBeLessThanOrEqual(maxPoints);
        return Array.from({ length: n }, (_, i) => c.startSeconds + i * step);
      });
      expect(points).toEqual(Array.from({ length: steps + 1 }, (_, i) => start + i * step));
    },
  );
});

describe('mergeRangeChunks', () => {
  it('joins series by label set in time order and unions warnings and partial flags', () => {
    const merged = mergeRangeChunks([
      { series: [{ labels: { a: '1' }, values: [[1, 1]] }], warnings: ['w1'], partial: false },
      {
        series: [
          { labels: { a: '1' }, values: [[2, 2]] },
          { labels: { a: '2' }, values: [[2, 5]] },
        ],
        warnings: ['w1', 'w2'],
        partial: true,
      },
    ]);
    expect(merged).toEqual({
      series: [
        {
          labels: { a: '1' },
          values: [
            [1, 1],
            [2, 2],
          ],
        },
        { labels: { a: '2' }, values: [[2, 5]] },
      ],
      warnings: ['w1', 'w2'],
      partial: true,
    });
  });
});
