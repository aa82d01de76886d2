import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { bucketQuantile, evaluateOnSamples, indexSamples, type ScrapedSample } from './metric-eval.js';
import { binary, constant, first, gauge, quantile, rate, ratio } from './metric-expr.js';

const s = (name: string, labels: Record<string, string>, value: number): ScrapedSample => ({ name, labels, value });
const buckets = (name: string, labels: Record<string, string>, counts: [string, number][]) =>
  counts.map(([le, v]) => s(`${name}_bucket`, { ...labels, le }, v));

describe('bucketQuantile (Prometheus histogram_quantile semantics)', () => {
  const b = [
    { le: 0.1, count: 50 },
    { le: 0.5, count: 90 },
    { le: 1, count: 100 },
    { le: Infinity, count: 100 },
  ];
  it('interpolates linearly inside the bucket', () => {
    expect(bucketQuantile(0.5, b)).toBeCloseTo(0.1, 10);
    expect(bucketQuantile(0.7, b)).toBeCloseTo(0.3, 10);
    expect(bucketQuantile(0.99, b)).toBeCloseTo(0.95, 10);
  });
  it('returns the highest finite bound when the rank falls in +Inf, NaN without observations', () => {
    expect(
      bucketQuantile(0.99, [
        { le: 1, count: 10 },
        { le: Infinity, count: 100 },
      ]),
    ).toBe(1);
    expect(
      bucketQuantile(0.5, [
        { le: 1, count: 0 },
        { le: Infinity, count: 0 },
      ]),
    ).toBeNaN();
  });
  test.prop([
    fc.array(fc.nat(1000), { minLength: 2, maxLength: 10 }),
    fc.double({ min: 0.01, max: 0.98, noNaN: true }),
    fc.double({ min: 0.001, max: 0.01, noNaN: true }),
  ])('is monotone in q', (increments, q, dq) => {
    let total = 0;
    const cumulative = increments.map((inc, i) => ({
      le: i === increments.length - 1 ? Infinity : (i + 1) / 10,
      count: (total += inc),
    }));
    fc.pre(total > 0);
    expect(bucketQuantile(q + dq, cumulative)).toBeGreaterThanOrEqual(bucketQuantile(q, cumulative));
  });
});

describe('evaluateOnSamples (one scrape, cumulative since start)', () => {
  const set = indexSamples([
    s('req_total', { code: '200', verb: 'GET' }, 970),
    s('req_total', { code: '500', verb: 'GET' }, 30),
    s('req_total', { code: '200', verb: 'LIST' }, 100),
    ...buckets('lat_seconds', { verb: 'GET' }, [
      ['0.1', 90],
      ['1', 100],
      ['+Inf', 100],
    ]),
    s('mem_avail', { instance: 'n1:9100' }, 25),
    s('mem_total', { instance: 'n1:9100' }, 100),
  ]);

  it('a ratio of counters is a lifetime ratio, not time dependent; a missing numerator is 0', () => {
    const r = evaluateOnSamples(ratio(rate('req_total{code=~"5.."}', ['verb']), rate('req_total', ['verb'])), set);
    expect(r.timeDependent).toBe(false);
    expect(r.series).toEqual([
      { labels: { verb: 'GET' }, value: 0.03 },
      { labels: { verb: 'LIST' }, value: 0 },
    ]);
  });

  it('a bare rate is time dependent (a scrape has no time base)', () => {
    expect(evaluateOnSamples(rate('req_total'), set)).toEqual({
      series: [{ labels: {}, value: 1100 }],
      timeDependent: true,
    });
  });

  it('quantiles, gauges, constants and first()', () => {
    expect(evaluateOnSamples(quantile(0.95, 'lat_seconds', ['verb']), set).series[0]?.value).toBeCloseTo(0.55, 10);
    const used = binary(
      '-',
      constant(1),
      ratio(gauge('mem_avail', { by: ['instance'] }), gauge('mem_total', { by: ['instance'] })),
    );
    expect(evaluateOnSamples(used, set)).toEqual({
      series: [{ labels: { instance: 'n1:9100' }, value: 0.75 }],
      timeDependent: false,
    });
    expect(
      evaluateOnSamples(first(quantile(0.5, 'absent_seconds'), quantile(0.5, 'lat_seconds')), set).series,
    ).toHaveLength(1);
    expect(evaluateOnSamples(gauge('absent'), set).series).toEqual([]);
  });
});
