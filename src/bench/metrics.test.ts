import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS } from './metrics.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'bench.md'), 'utf8');
const rows = new Map(
  [...doc.matchAll(/^\| `([a-z0-9.-]+)` \| ([^|]+) \| (higher|lower) \|(.*)$/gm)].map((m) => [
    m[1],
    { unit: m[2]?.trim(), direction: m[3], rest: m[4] ?? '' },
  ]),
);

describe('metric catalogue', () => {
  it('ids are unique', () => {
    expect(new Set(METRICS.map((m) => m.id)).size).toBe(METRICS.length);
  });
  it('docs/bench.md documents every metric with its unit, direction and gate, and no other', () => {
    expect([...rows.keys()].sort()).toEqual(METRICS.map((m) => m.id).sort());
    for (const m of METRICS) {
      expect(rows.get(m.id)?.unit, m.id).toBe(m.unit);
      expect(rows.get(m.id)?.direction, m.id).toBe(m.direction);
      if (m.gate) expect(rows.get(m.id)?.rest, m.id).toMatch(/\*\*[≤≥] [\d.]+ (ms|s)\*\*/);
    }
  });
  it('every gate names its source', () => {
    for (const m of METRICS.filter((d) => d.gate)) expect(m.gate?.source.length, m.id).toBeGreaterThan(20);
  });
});
