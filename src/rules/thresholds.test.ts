import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { THRESHOLD_CATALOGUE, THRESHOLD_KEYS } from '../knowledge/thresholds/catalogue.js';
import { DEFAULTS_READ_BY, FIXED_DEFAULTS_READ_BY } from '../knowledge/thresholds/defaults-for-rule.js';
import { RULES } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Every non-test source file under src/rules/, as `area/file.ts`. */
const ruleSources = (): string[] =>
  readdirSync(here, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(here, d.name))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => `${d.name}/${f}`),
    )
    .sort();

/**
 * Literals in rule files that are not thresholds: how many names a message lists, a path prefix, a memo size, an
 * excerpt length. Anything else a rule compares with belongs in knowledge/thresholds/.
 */
const NOT_THRESHOLDS: Readonly<Record<string, { readonly values: readonly number[]; readonly why: string }>> = {
  'network/dns-ndots-external.ts': { values: [3], why: 'how many host names a message lists' },
  'storage/pvc-storageclass-missing.ts': { values: [6], why: 'how many class names a message lists' },
  'runtime-config/containerd-config-outdated.ts': { values: [2], why: "path prefix ['plugins', '<id>']" },
  'monitoring/queries.ts': { values: [50_000, 60], why: 'parse memo size; query excerpt length in messages' },
  '../generate/plan/render.ts': { values: [120], why: 'YAML line width of the written files' },
};

/** The capacity-plan generator, which writes the catalogue's values into configs (paths relative to src/rules/). */
const planSources = (): string[] =>
  readdirSync(join(here, '../generate/plan'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `../generate/plan/${f}`)
    .sort();

/** Calls whose numeric arguments are precision, not thresholds. */
const PRECISION_CALLS = new Set(['roundTo', 'toPercent', 'toFixed']);

interface Literal {
  readonly file: string;
  readonly line: number;
  readonly value: number;
  readonly text: string;
}

function isAllowedPosition(n: ts.NumericLiteral): boolean {
  const p = n.parent;
  if (ts.isElementAccessExpression(p) && p.argumentExpression === n) return true; // an index
  if (ts.isCallExpression(p) && p.arguments.indexOf(n) > 0) {
    const callee = ts.isPropertyAccessExpression(p.expression) ? p.expression.name.text : p.expression.getText();
    return PRECISION_CALLS.has(callee);
  }
  if (ts.isCallExpression(p) && ts.isPropertyAccessExpression(p.expression))
    return PRECISION_CALLS.has(p.expression.name.text);
  return false;
}

/** Numeric literals other than 0 and 1 outside strings and indexes (negative numbers count by their digits). */
function numericLiterals(file: string): Literal[] {
  const text = readFileSync(join(here, file), 'utf8');
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Literal[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isNumericLiteral(n)) {
      const value = Number(n.text.replace(/_/g, ''));
      if (value !== 0 && value !== 1 && !isAllowedPosition(n))
        out.push({
          file,
          line: src.getLineAndCharacterOfPosition(n.getStart()).line + 1,
          value,
          text: n.parent.getText(),
        });
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe('threshold catalogue meta-tests', () => {
  it('rule files hold no numeric threshold literals: numbers come from knowledge/thresholds/', () => {
    const offending = ruleSources()
      .flatMap(numericLiterals)
      .filter((l) => !NOT_THRESHOLDS[l.file]?.values.includes(l.value))
      .map((l) => `${l.file}:${l.line} ${l.value} in \`${l.text}\``);
    expect(offending).toEqual([]);
  });

  it('the plan generator holds no numeric threshold literals either', () => {
    const offending = planSources()
      .flatMap(numericLiterals)
      .filter((l) => !NOT_THRESHOLDS[l.file]?.values.includes(l.value))
      .map((l) => `${l.file}:${l.line} ${l.value} in \`${l.text}\``);
    expect(offending).toEqual([]);
  });

  it('the allow-list of non-threshold literals has no stale entries', () => {
    for (const [file, { values }] of Object.entries(NOT_THRESHOLDS)) {
      const found = new Set(numericLiterals(file).map((l) => l.value));
      for (const v of values) expect(found, `${file} no longer has ${v}`).toContain(v);
    }
  });

  it('every entry names the rules that read it, and each of them reads thresholds.<key>', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const byId = new Map(RULES.map((r) => [r.id, r.area]));
    for (const key of THRESHOLD_KEYS) {
      const entry = THRESHOLD_CATALOGUE[key];
      expect(entry.readBy.length, key).toBeGreaterThan(0);
      expect(entry.source.length, key).toBeGreaterThan(0);
      for (const reader of entry.readBy) {
        if (reader === 'generator:plan') {
          const plan = planSources()
            .map((f) => readFileSync(join(here, f), 'utf8'))
            .join('\n');
          expect(plan, `the plan generator does not read ${key}`).toMatch(new RegExp(`\\bT\\.${key}\\b`));
          continue;
        }
        if (reader.includes(':')) continue; // analyzer:<id> readers are not checked here
        expect(ids, `${key} is read by unknown rule ${reader}`).toContain(reader);
        const text = readFileSync(join(here, byId.get(reader)!, `${reader}.ts`), 'utf8');
        // The rule reads the key itself, or hands the profile's thresholds to a model helper that does.
        expect(text, `${reader} does not read ${key}`).toMatch(new RegExp(`thresholds\\.${key}\\b|\\bthresholds\\)`));
      }
    }
  });

  it('every rule that reads thresholds.<key> is listed by that entry (docs and explain show it)', () => {
    for (const file of ruleSources()) {
      const text = readFileSync(join(here, file), 'utf8');
      const id = /^\s*id: '([^']+)'/m.exec(text)?.[1];
      if (!id || !/^export default defineRule\(/m.test(text)) continue;
      for (const m of text.matchAll(/thresholds\.([A-Za-z]+)/g)) {
        const key = m[1] as keyof typeof THRESHOLD_CATALOGUE;
        expect(THRESHOLD_KEYS, `${file} reads unknown threshold ${key}`).toContain(key);
        expect(THRESHOLD_CATALOGUE[key].readBy, `${key} does not list ${id}`).toContain(id);
      }
    }
  });

  it('the rules said to fall back to component defaults are exactly those that read them', () => {
    const calls: Readonly<Record<keyof typeof DEFAULTS_READ_BY, string>> = {
      etcd: 'etcdDefaultsFor',
      'kube-apiserver': 'apiServerDefaultsFor',
      'kube-controller-manager': 'controllerManagerDefaultsFor',
    };
    const sources = ruleSources().map((f) => ({
      id: /^\s*id: '([^']+)'/m.exec(readFileSync(join(here, f), 'utf8'))?.[1],
      text: readFileSync(join(here, f), 'utf8'),
    }));
    for (const [table, call] of Object.entries(calls) as [keyof typeof DEFAULTS_READ_BY, string][])
      expect(
        sources
          .filter((s) => s.text.includes(`${call}(`))
          .map((s) => s.id)
          .sort(),
        table,
      ).toEqual([...DEFAULTS_READ_BY[table]].sort());
    for (const [key, ids] of Object.entries(FIXED_DEFAULTS_READ_BY))
      expect(
        sources
          .filter((s) => s.text.includes(`FIXED_DEFAULTS.${key}`))
          .map((s) => s.id)
          .sort(),
        key,
      ).toEqual([...ids].sort());
  });
});
