import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseKubeVersion } from '../core/version.js';
import { refOf, type KubeObject, type Resource } from '../model/object.js';
import { Snapshot } from '../model/snapshot.js';
import { defineRule } from './define-rule.js';
import { FindingTable } from './finding-table.js';
import { runRules } from './run.js';
import { sortFindings } from './sort.js';
import type { Severity } from './types.js';

const v133 = parseKubeVersion('1.33')!;
const rule = (id: string) =>
  defineRule({
    id,
    area: 'workloads',
    target: 'object',
    defaultSeverity: 'warning',
    fixable: true,
    summary: 's',
    rationale: 'r',
    messages: { a: '{c}: a {n}', b: 'b' },
    check: () => [],
  });
const RULES = [rule('r-b'), rule('r-a'), rule('r-c')];
const resource = (name: string, ns: string, file: string, line: number): Resource => {
  const object: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns } };
  return { object, ref: refOf(object), source: { file, line, doc: 0 } };
};

const row = fc.record({
  rule: fc.integer({ min: 0, max: 2 }),
  severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
  name: fc.constantFrom('x', 'y', 'z'),
  ns: fc.constantFrom('a', 'b'),
  file: fc.constantFrom('f.yaml', 'g.yaml'),
  line: fc.integer({ min: 0, max: 4 }),
  path: fc.array(fc.oneof(fc.constantFrom('spec', 'containers', 'a'), fc.integer({ min: 0, max: 2 })), {
    maxLength: 3,
  }),
  c: fc.constantFrom('app', 'b'),
  fix: fc.boolean(),
  priority: fc.constantFrom(undefined, 'P0' as const, 'P2' as const),
});

describe('FindingTable', () => {
  test.prop([fc.array(row, { maxLength: 60 })])(
    'reads back every finding as the plain Finding, in sortFindings order',
    (rows) => {
      const table = new FindingTable();
      const located = new Map<string, Resource>();
      const plain = rows.map((r) => {
        const key = `${r.name}/${r.ns}/${r.file}`;
        let at = located.get(key);
        if (!at) located.set(key, (at = resource(r.name, r.ns, r.file, 1)));
        const v = {
          messageId: r.c === 'b' ? 'b' : 'a',
          path: r.path,
          ...(r.c === 'b' ? {} : { data: { c: r.c, n: r.path.length } }),
          ...(r.fix ? { fix: [{ op: 'remove' as const, path: r.path }] } : {}),
          ...(r.priority ? { priority: r.priority } : {}),
        };
        table.add(RULES[r.rule]!, r.severity, v, { ...at, source: { ...at.source!, line: r.line } });
        return {
          ruleId: RULES[r.rule]!.id,
          severity: r.severity,
          ...(r.priority ? { priority: r.priority } : {}),
          area: 'workloads',
          object: at.ref,
          ...(r.line > 0 ? { source: { file: r.file, line: r.line } } : {}),
          path: r.path,
          messageId: v.messageId,
          message: v.messageId === 'b' ? 'b' : `${r.c}: a ${r.path.length}`,
          ...(v.data ? { data: v.data } : {}),
          ...(v.fix ? { fix: v.fix } : {}),
          doc: 0,
        };
      });
      table.sort();
      table.seal();
      // Same values and the same key order (the JSON output's bytes depend on it).
      expect(JSON.stringify(table.toArray())).toBe(JSON.stringify(sortFindings(plain)));
    },
  );

  it('keeps one copy of each distinct path and data', () => {
    const table = new FindingTable();
    const at = resource('x', 'a', 'f.yaml', 1);
    for (let i = 0; i < 1000; i++)
      table.add(RULES[0]!, 'warning', { messageId: 'a', path: ['spec', i % 2], data: { c: 'app', n: 1 } }, at);
    expect(table.pathCount()).toBe(2);
    const first = table.at(0);
    expect(table.at(999).data).toBe(first.data);
    expect(table.at(998).path).toBe(first.path);
  });

  it('appends another table, keeping rows and their order', () => {
    const a = new FindingTable();
    const b = new FindingTable();
    const at = resource('x', 'a', 'f.yaml', 3);
    a.add(RULES[0]!, 'info', { messageId: 'b', path: [] }, at);
    b.add(RULES[1]!, 'error', { messageId: 'a', path: ['p'], data: { c: 'k', n: 2 }, priority: 'P1' }, { ref: at.ref });
    a.append(b);
    a.sort();
    expect(a.toArray().map((f) => [f.ruleId, f.severity, f.priority, f.message, f.source?.line])).toEqual([
      ['r-a', 'error', 'P1', 'k: a 2', undefined],
      ['r-b', 'info', undefined, 'b', 3],
    ]);
  });
});

describe('runRules with a finding budget', () => {
  const many = defineRule({
    ...rule('many'),
    *check(r: Resource) {
      for (let i = 0; i < 1000; i++) yield { messageId: 'b', path: ['spec', i], at: r };
    },
  });
  const objects = Array.from({ length: 20 }, (_, i) => resource(`p${i}`, 'a', 'f.yaml', 1).object);
  const snapshot = new Snapshot(objects.map((o) => ({ object: o, ref: refOf(o) })));

  it('stops collecting when the budget is exhausted and says so: a partial report, not a crash', () => {
    let asked = 0;
    const budget = { exhausted: () => (++asked >= 2 ? 'the heap is 91% full' : undefined) };
    const r = runRules([many], snapshot, { kubeVersion: v133, budget });
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.length).toBeLessThan(20_000);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'findings-truncated',
        severity: 'error',
        message: expect.stringContaining('91%'),
      }),
    ]);
  });

  it('collects everything while the budget allows', () => {
    const r = runRules([many], snapshot, { kubeVersion: v133, budget: { exhausted: () => undefined } });
    expect(r.findings.length).toBe(20_000);
    expect(r.diagnostics).toEqual([]);
  });
});
