import { describe, expect, it } from 'vitest';
import type { JsonPath } from '../core/json-path.js';
import { applyPatch } from '../engine/patch.js';
import type { AnyRule, Finding } from '../engine/types.js';
import { formatRef, refOf, type KubeObject } from '../model/object.js';
import { listFixtures, runFixture, type FixtureOptions } from './fixtures.js';

export interface ExpectedFinding {
  readonly messageId?: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly path?: JsonPath;
  /** `Kind/namespace/name` of the object the finding is about. */
  readonly object?: string;
}

export interface RuleTestSpec extends FixtureOptions {
  /** Exact findings per fail case (in report order); cases not listed must yield at least one finding. */
  readonly fail?: Readonly<Record<string, readonly ExpectedFinding[]>>;
}

/** Applies every fix of `findings` to the objects they came from (by file, document and List item). */
export function applyFixes(objects: readonly KubeObject[], findings: readonly Finding[]): KubeObject[] {
  return objects.map((o) => {
    const ops = findings.filter((f) => f.fix && formatRef(f.object) === formatRef(refOf(o))).flatMap((f) => f.fix!);
    return ops.length ? applyPatch(o, ops) : o;
  });
}

/**
 * Runs a rule's fixtures (Polaris-style, ESLint-strict): `pass.*` must yield nothing, `fail.*` at least one finding
 * (or exactly the expected ones), `fail.X` + fixes must equal `fixed.X`, which must then pass. Rule errors fail.
 */
export const ruleTester = {
  run(rule: AnyRule, spec: RuleTestSpec = {}): void {
    const fixtures = listFixtures(rule);
    describe(`rule ${rule.id}`, () => {
      it('has pass and fail fixtures', () => {
        expect(
          fixtures.some((f) => f.kind === 'pass'),
          'a pass.* fixture',
        ).toBe(true);
        expect(
          fixtures.some((f) => f.kind === 'fail'),
          'a fail.* fixture',
        ).toBe(true);
        for (const name of Object.keys(spec.fail ?? {}))
          expect(
            fixtures.some((f) => f.kind === 'fail' && f.name === name),
            `fixture fail.${name}.*`,
          ).toBe(true);
      });
      for (const fx of fixtures) {
        const options: FixtureOptions = { ...spec, ...fx.options };
        if (fx.kind === 'pass') {
          it(`passes ${fx.name}`, async () => {
            const { findings, run } = await runFixture(rule, fx.file, options);
            expect(run.diagnostics.filter((d) => d.code === 'rule-error')).toEqual([]);
            expect(findings.map((f) => f.message)).toEqual([]);
          });
        } else if (fx.kind === 'fail') {
          it(`fails ${fx.name}`, async () => {
            const { findings, run, objects } = await runFixture(rule, fx.file, options);
            expect(run.diagnostics.filter((d) => d.code === 'rule-error')).toEqual([]);
            expect(findings.length).toBeGreaterThan(0);
            const expected = spec.fail?.[fx.name];
            if (expected) {
              expect(findings.length, findings.map((f) => f.message).join('\n')).toBe(expected.length);
              expected.forEach((e, i) => {
                const f = findings[i]!;
                if (e.messageId) expect(f.messageId).toBe(e.messageId);
                if (e.path) expect(f.path).toEqual(e.path);
                if (e.data) expect(f.data).toMatchObject(e.data);
                if (e.object) expect(formatRef(f.object)).toBe(e.object);
              });
            }
            const fixed = fixtures.find((f) => f.kind === 'fixed' && f.name === fx.name);
            if (rule.fixable && fixed) {
              const want = await runFixture(rule, fixed.file, options);
              const got = applyFixes(objects, findings);
              expect(got).toEqual(want.objects);
              expect(
                want.findings.map((f) => f.message),
                `fixed.${fx.name} must pass`,
              ).toEqual([]);
              const again = applyFixes(got, want.findings);
              expect(again).toEqual(got);
            }
          });
        }
      }
    });
  },
};
