import { describe, expect, it } from 'vitest';
import { formatDurationSeconds, parseDurationSeconds, parseTimeSeconds } from './time.js';

describe('the one duration and time parser', () => {
  it('reads Prometheus durations, and the spans rightsize took (14d, 2w)', () => {
    expect(parseDurationSeconds('14d')).toBe(1_209_600);
    expect(parseDurationSeconds('2w')).toBe(1_209_600);
    expect(parseDurationSeconds('1m30s')).toBe(90);
    expect(parseDurationSeconds('250ms')).toBe(0.25);
    for (const bad of ['', '0', '0s', '1', '5 m', '-1h', 'P1D']) expect(parseDurationSeconds(bad), bad).toBeUndefined();
  });

  it('reads unix seconds and RFC 3339, without rounding', () => {
    expect(parseTimeSeconds('1767225600.5')).toBe(1_767_225_600.5);
    expect(parseTimeSeconds('2026-01-01T00:00:00.250Z')).toBe(1_767_225_600.25);
    for (const bad of ['yesterday', 'Jan 1 2026', '']) expect(parseTimeSeconds(bad), bad).toBeUndefined();
  });

  it('formats durations it reads back', () => {
    for (const s of [3600, 5400, 90, 0.25, 1_209_600]) expect(parseDurationSeconds(formatDurationSeconds(s))).toBe(s);
  });
});
