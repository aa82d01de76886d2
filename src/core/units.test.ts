import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatCpu, parseBytes, parseCpu, parseDurationMs, parseQuantity } from './units.js';

describe('parseQuantity', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['100m', 0.1],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['+2', 2],
    ['-2', -2],
    ['1Ki', 1024],
    ['1Mi', 1024 ** 2],
    ['1Gi', 1024 ** 3],
    ['1Ti', 1024 ** 4],
    ['1Pi', 1024 ** 5],
    ['1Ei', 1024 ** 6],
    ['1n', 1e-9],
    ['1u', 1e-6],
    ['1k', 1000],
    ['1M', 1e6],
    ['1G', 1e9],
    ['1T', 1e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1e-3', 0.001],
    ['12e+2', 1200],
    ['1.5Gi', 1.5 * 1024 ** 3],
  ])('%s = %d', (input, want) => {
    expect(parseQuantity(input)).toBeCloseTo(want, 12);
  });

  it.each(['', 'abc', '1KB', '1 Gi', ' 1', '1Gi ', '1.2.3', 'Gi', '1e', '--1', '1mi', '0x10'])('rejects %j', (bad) => {
    expect(() => parseQuantity(bad)).toThrow(/not a Kubernetes quantity/);
  });

  it('is exact for millicores', () => {
    expect(parseCpu('300m')).toBe(300);
    expect(parseCpu('0.1')).toBe(100);
    expect(parseCpu(2)).toBe(2000);
  });

  test.prop([fc.integer({ min: 0, max: 2 ** 40 }), fc.constantFrom('Ki', 'Mi', 'Gi', '', 'k', 'M', 'G')])(
    'integer quantities with any suffix parse to value × factor',
    (n, suffix) => {
      const factor: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, '': 1, k: 1e3, M: 1e6, G: 1e9 };
      expect(parseQuantity(`${n}${suffix}`)).toBe(n * factor[suffix]!);
    },
  );

  test.prop([fc.integer({ min: 1, max: 2 ** 44 })])(
    'formatBytes round-trips through parseBytes (never below)',
    (bytes) => {
      const back = parseBytes(formatBytes(bytes));
      expect(back).toBeGreaterThanOrEqual(bytes);
      expect(back - bytes).toBeLessThan(1024 ** 2);
    },
  );

  test.prop([fc.integer({ min: 1, max: 10_000_000 })])('formatCpu round-trips millicores exactly', (m) => {
    expect(parseCpu(formatCpu(m))).toBe(m);
  });

  test.prop([fc.integer({ min: -999, max: 999 }), fc.integer({ min: -5, max: 5 })])(
    'exponent and decimal suffix forms agree',
    (n, e) => {
      expect(parseQuantity(`${n}e${e * 3}`)).toBeCloseTo(n * 10 ** (e * 3), 6);
    },
  );
});

describe('parseDurationMs', () => {
  it.each([
    ['100ms', 100],
    ['1s', 1000],
    ['1m30s', 90_000],
    ['2h', 7_200_000],
    ['0', 0],
  ])('%s', (s, ms) => expect(parseDurationMs(s)).toBe(ms));
  it('rejects garbage', () => {
    expect(parseDurationMs('5 minutes')).toBeUndefined();
    expect(parseDurationMs('')).toBeUndefined();
  });
});
