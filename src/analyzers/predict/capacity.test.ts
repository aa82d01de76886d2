import { describe, expect, it } from 'vitest';
import { capacityKey, capacityOutlook, trend, type Points } from './capacity.js';

const DAY = 86_400;
const line = (days: number, at0: number, perDay: number): Points =>
  Array.from({ length: days * 24 + 1 }, (_, h) => [h * 3600, at0 + (perDay * h) / 24] as const);

describe('capacity outlook', () => {
  it('fits a trend exactly on a line', () => {
    const t = trend(line(14, 10, 0.5), 14 * DAY)!;
    expect(t.value).toBeCloseTo(17, 6);
    expect(t.perDay).toBeCloseTo(0.5, 6);
  });

  it('counts days to the N-1 allocatable, with HPAs at their maximum on top of requests', () => {
    const series = new Map<string, Points>([
      [capacityKey({ name: 'requests', resource: 'cpu' }), line(14, 30, 1)], // 44 cores now, +1/day
      [capacityKey({ name: 'usage', resource: 'cpu' }), line(14, 10, 0)],
      [capacityKey({ name: 'allocatable', resource: 'cpu' }), line(14, 80, 0)],
      [capacityKey({ name: 'largestNode', resource: 'cpu' }), line(14, 16, 0)], // N-1: 64 cores
      [capacityKey({ name: 'hpaExtraReplicas', resource: 'none' }), line(14, 20, 0)],
      [capacityKey({ name: 'pods', resource: 'none' }), line(14, 88, 0)], // 44 cores / 88 pods = 0.5 per pod
    ]);
    const { outlook, missing } = capacityOutlook({ series, endSeconds: 14 * DAY });
    const requests = outlook.find((o) => o.resource === 'cpu' && o.measure === 'requests')!;
    expect(requests.headroomNMinus1).toBe(64);
    expect(requests.hpaExtra).toBeCloseTo(10, 6); // 20 replicas × 0.5 cores
    expect(requests.days).toBeCloseTo(10, 6); // 64 − (44 + 10) = 10 cores at +1/day
    const usage = outlook.find((o) => o.resource === 'cpu' && o.measure === 'usage')!;
    expect(usage.days).toBeUndefined(); // flat: not growing
    expect(missing.some((m) => m.startsWith('memory'))).toBe(true);
  });

  it('says "already past" (0 days) when requests are above the N-1 allocatable', () => {
    const series = new Map<string, Points>([
      [capacityKey({ name: 'requests', resource: 'memory' }), line(7, 100, 0)],
      [capacityKey({ name: 'allocatable', resource: 'memory' }), line(7, 120, 0)],
      [capacityKey({ name: 'largestNode', resource: 'memory' }), line(7, 40, 0)],
    ]);
    const { outlook } = capacityOutlook({ series, endSeconds: 7 * DAY });
    expect(outlook.find((o) => o.measure === 'requests')!.days).toBe(0);
  });
});
