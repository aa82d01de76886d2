/** Meta-tests: the analyzers, the KPI catalogue and the causal links stay in step. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAUSAL_LINKS } from '../knowledge/kpis-causes.js';
import { KPIS } from '../knowledge/kpis.js';
import { PROFILE_NAMES } from '../knowledge/profiles.js';
import { toPromQL } from '../model/metric-promql.js';
import { DIAGNOSE_ANALYZERS } from './diagnose-index.js';
import { defineAnalyzer } from './define-analyzer.js';
import { renderKpiTable } from './kpi-table.js';

describe('diagnose catalogue', () => {
  it('every KPI is queried by exactly one analyzer', () => {
    const used = DIAGNOSE_ANALYZERS.flatMap((a) => Object.values(a.queries).map((k) => k.id));
    expect([...used].sort()).toEqual(KPIS.map((k) => k.id).sort());
  });

  it('ids are unique kebab-case; analyzer ids too', () => {
    const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
    for (const id of [...KPIS.map((k) => k.id), ...DIAGNOSE_ANALYZERS.map((a) => a.id)]) expect(id).toMatch(kebab);
    expect(new Set(KPIS.map((k) => k.id)).size).toBe(KPIS.length);
    expect(new Set(DIAGNOSE_ANALYZERS.map((a) => a.id)).size).toBe(DIAGNOSE_ANALYZERS.length);
  });

  it('levels exist for every profile and rise with priority (P0 ≥ P1 ≥ P2)', () => {
    for (const k of KPIS) {
      for (const p of PROFILE_NAMES) {
        const l = k.levels[p];
        expect(l, `${k.id}/${p}`).toBeDefined();
        const set = [l.P0, l.P1, l.P2].filter((v): v is number => v !== undefined);
        expect(
          [...set].sort((a, b) => b - a),
          `${k.id}/${p}`,
        ).toEqual(set);
      }
    }
  });

  it('strict is never more lenient than guide at any level it sets', () => {
    for (const k of KPIS) {
      const lowest = (p: 'guide' | 'strict') =>
        Math.min(...Object.values(k.levels[p]).filter((v): v is number => v !== undefined));
      if (Object.keys(k.levels.strict).length && Object.keys(k.levels.guide).length)
        expect(lowest('strict'), k.id).toBeLessThanOrEqual(lowest('guide'));
    }
  });

  it('every KPI names its metrics, renders to PromQL reading them, and has a source URL and remediation', () => {
    for (const k of KPIS) {
      const q = toPromQL(k.expr, 3600);
      expect(
        k.metrics.some((m) => q.includes(m)),
        k.id,
      ).toBe(true);
      expect(k.source, k.id).toMatch(/^https:\/\//);
      expect(k.remediation.length, k.id).toBeGreaterThan(20);
    }
  });

  it('causal links reference catalogue KPIs and never a KPI as its own cause', () => {
    const ids = new Set(KPIS.map((k) => k.id));
    for (const l of CAUSAL_LINKS) {
      expect(ids.has(l.cause), l.cause).toBe(true);
      expect(ids.has(l.effect), l.effect).toBe(true);
      expect(l.cause).not.toBe(l.effect);
    }
  });

  it('defineAnalyzer rejects an unknown KPI at definition time', () => {
    expect(() => defineAnalyzer({ id: 'x', area: 'node', summary: 's', queries: { a: 'no-such-kpi' } })).toThrow(
      /unknown KPI no-such-kpi/,
    );
  });
});

describe('docs/diagnose.md', () => {
  it('holds the current KPI table (npx tsx scripts/gen-diagnose-docs.ts)', () => {
    const doc = readFileSync(new URL('../../docs/diagnose.md', import.meta.url), 'utf8');
    expect(doc).toContain(renderKpiTable());
  });
});
