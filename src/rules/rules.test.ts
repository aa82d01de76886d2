import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../engine/define-rule.js';
import { listFixtures, runFixture } from '../testing/fixtures.js';
import { RULES } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Meta-tests (STYLE B7): registry, files, fixtures, tests and docs stay in step. */
describe('rule catalogue', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('lists exactly the rule files, each in the folder of its area and named by its id', () => {
    const files = readdirSync(here, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(join(here, d.name))
          .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
          .filter((f) => /^export default defineRule\(/m.test(readFileSync(join(here, d.name, f), 'utf8')))
          .map((f) => `${d.name}/${f.replace(/\.ts$/, '')}`),
      )
      .sort();
    expect(RULES.map((r) => `${r.area}/${r.id}`).sort()).toEqual(files);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const fixtures = listFixtures(rule);
      it('has a test file, pass and fail fixtures, and fixed fixtures exactly when fixable', () => {
        expect(readdirSync(join(here, rule.area))).toContain(`${rule.id}.test.ts`);
        expect(fixtures.some((f) => f.kind === 'pass')).toBe(true);
        expect(fixtures.some((f) => f.kind === 'fail')).toBe(true);
        expect(fixtures.some((f) => f.kind === 'fixed')).toBe(Boolean(rule.fixable));
        for (const fx of fixtures.filter((f) => f.kind === 'fixed'))
          expect(
            fixtures.some((f) => f.kind === 'fail' && f.name === fx.name),
            `fail.${fx.name} for fixed.${fx.name}`,
          ).toBe(true);
      });

      it('exercises every message id, with every placeholder filled from data', async () => {
        const seen = new Set<string>();
        for (const fx of fixtures.filter((f) => f.kind === 'fail')) {
          const { findings } = await runFixture(rule, fx.file, fx.options);
          for (const f of findings) {
            seen.add(f.messageId);
            const template = (rule.messages as Record<string, string>)[f.messageId]!;
            for (const p of placeholdersOf(template))
              expect(f.data ?? {}, `{${p}} in ${f.messageId}`).toHaveProperty(p);
          }
        }
        expect([...seen].sort()).toEqual(Object.keys(rule.messages).sort());
      });

      it('has metadata a user can act on', () => {
        expect(rule.summary.length).toBeGreaterThan(10);
        expect(rule.rationale.length).toBeGreaterThan(40);
        expect(rule.docsUrl).toContain(`/rules/${rule.id}.md`);
      });
    });
  }
});
