import { describe, expect, it } from 'vitest';
import { toPointer } from '../core/json-path.js';
import { defineRule } from '../engine/define-rule.js';
import { FindingTable } from '../engine/finding-table.js';
import type { Finding } from '../engine/types.js';
import { refOf, type KubeObject, type Resource } from '../model/object.js';
import { REPORTERS, STREAM_REPORTERS } from './index.js';
import { buildReport } from './report.js';
import { toSarif } from './sarif.js';

const rule = (id: string) =>
  defineRule({
    id,
    area: 'workloads',
    target: 'object',
    defaultSeverity: 'warning',
    fixable: true,
    summary: `${id} summary`,
    rationale: 'r',
    messages: { m: '{c}: {n} <&>' },
    check: () => [],
  });
const rules = [rule('b-rule'), rule('a-rule')];
const pod = (i: number): Resource => {
  const object: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i % 7}`, namespace: 'ns' } };
  return { object, ref: refOf(object), source: { file: `f${i % 3}.yaml`, line: 1 + (i % 11), doc: i % 5 } };
};

/** A table of `n` findings over a few objects, rules, severities, fixes and priorities. */
function table(n: number): FindingTable {
  const t = new FindingTable();
  const pods = Array.from({ length: 20 }, (_, i) => pod(i));
  for (let i = 0; i < n; i++)
    t.add(
      rules[i % 2]!,
      (['error', 'warning', 'info'] as const)[i % 3]!,
      {
        messageId: 'm',
        path: ['spec', 'containers', i % 4, 'image'],
        data: { c: `c${i % 5}`, n: i % 13 },
        ...(i % 10 === 0 ? { fix: [{ op: 'replace' as const, path: ['spec'], value: i }] } : {}),
        ...(i % 6 === 0 ? { priority: 'P1' as const } : {}),
        ...(i % 9 === 0 ? { evidence: { p95: i } } : {}),
      },
      pods[i % 20]!,
    );
  t.sort();
  return t;
}

const reportOf = (findings: FindingTable | readonly Finding[]) =>
  buildReport({
    command: 'audit',
    version: '0',
    kubeVersion: '1.33',
    profile: 'guide',
    findings,
    diagnostics: [{ code: 'parse-error', severity: 'error', file: 'x.yaml', line: 2, message: 'x.yaml:2: bad' }],
    rules,
    objects: 20,
    files: 3,
  });

describe('streaming reporters', () => {
  const t = table(3000);
  const fromTable = reportOf(t);
  const fromArray = reportOf(t.toArray());

  it('write the same bytes from a table, piece by piece, as the reporters give from an array', () => {
    for (const name of ['text', 'json', 'sarif', 'junit'] as const) {
      const pieces: string[] = [];
      STREAM_REPORTERS[name](fromTable, (s) => pieces.push(s));
      expect(pieces.length, name).toBeGreaterThan(1000); // one finding at a time, not one string
      expect(pieces.join(''), name).toBe(REPORTERS[name](fromArray));
    }
  });

  it('JSON and SARIF are exactly JSON.stringify of the whole document', () => {
    const doc = {
      ...fromArray,
      findings: fromArray.findings.map((f) => ({
        ...f,
        path: toPointer(f.path),
        ...(f.fix ? { fix: f.fix.map((op) => ({ ...op, path: toPointer(op.path) })) } : {}),
      })),
    };
    expect(REPORTERS.json(fromTable)).toBe(JSON.stringify(doc, null, 2) + '\n');
    expect(REPORTERS.sarif(fromTable)).toBe(JSON.stringify(toSarif(fromArray), null, 2) + '\n');
    expect(JSON.parse(REPORTERS.json(reportOf([]))).findings).toEqual([]);
  });

  it('a report built from a table keeps the table out of its JSON and copies, and counts without materialising', () => {
    expect(Object.keys(fromTable)).not.toContain('table');
    expect(fromTable.summary).toMatchObject({ findings: 3000, bySeverity: { error: 1000, warning: 1000, info: 1000 } });
    expect(fromTable.summary.byPriority).toEqual({ P1: 500 });
  });
});
