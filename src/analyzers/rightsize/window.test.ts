import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from './params.js';
import { checkBacktestTraining, checkWindowEnd, EmptyWindowError } from './window.js';

const NOW = 1_767_225_600; // 2026-01-01T00:00:00Z

describe('rightsize windows', () => {
  it('an --end in milliseconds or in the future is a usage error saying so', () => {
    expect(() => checkWindowEnd(NOW * 1000, NOW)).toThrow(
      /--end 1767225600000 looks like milliseconds \(2026-01-01T00:00:00Z\); give unix seconds \(1767225600\)/,
    );
    expect(() => checkWindowEnd(NOW + 86_400, NOW)).toThrow(/is in the future \(now is 2026-01-01T00:00:00Z\)/);
    expect(() => checkWindowEnd(NOW + 60, NOW)).not.toThrow(); // clock skew
    expect(() => checkWindowEnd(NOW - 86_400, NOW)).not.toThrow();
  });

  it('an empty window names the selector and the window', () => {
    const e = new EmptyWindowError('container_memory_working_set_bytes{namespace="shop"}', {
      startSeconds: NOW - 86_400,
      endSeconds: NOW,
    });
    expect(e.code).toBe('KT_USAGE');
    expect(e.message).toBe(
      'no usage series in Prometheus for container_memory_working_set_bytes{namespace="shop"} between ' +
        '2025-12-31T00:00:00Z and 2026-01-01T00:00:00Z: check --namespace, --end (the data may start later or end earlier) and --history',
    );
  });

  it('a learning part shorter than the coverage a recommendation needs is refused', () => {
    expect(() => checkBacktestTraining(10 * 3600, DEFAULT_PARAMS)).toThrow(
      /the learning part is 10 h \(10 h < --min-hours 12\)/,
    );
    expect(() => checkBacktestTraining(3600, { ...DEFAULT_PARAMS, minHours: 1 })).toThrow(
      /60 points < --min-points 100/,
    );
    expect(() => checkBacktestTraining(12 * 3600, DEFAULT_PARAMS)).not.toThrow();
  });
});
