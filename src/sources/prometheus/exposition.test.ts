import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExposition, parseSampleLine } from './exposition.js';

const DATA = new URL('../../../../shared/data/metrics/', import.meta.url).pathname;
const SCRAPES = [
  'controlplane/api-server/metrics',
  'controlplane/etcd/metrics',
  'controlplane/scheduler/metrics',
  'controlplane/controller-manager/metrics',
  'ksm/metrics',
  'kubelet/metrics/cadvisor',
];

describe('parseSampleLine', () => {
  it('reads names, escaped label values, special values and timestamps', () => {
    expect(parseSampleLine('a_total{path="C:\\\\x",msg="say \\"hi\\"\\n",empty=""} +Inf 1782468875486')).toEqual({
      name: 'a_total',
      labels: { path: 'C:\\x', msg: 'say "hi"\n', empty: '' },
      value: Infinity,
      timestampMs: 1782468875486,
    });
    expect(parseSampleLine('up 1')).toEqual({ name: 'up', labels: {}, value: 1 });
    expect(parseSampleLine('x{le="0.5",} 2.093056e+06')).toEqual({ name: 'x', labels: { le: '0.5' }, value: 2093056 });
    expect((parseSampleLine('x NaN') as { value: number }).value).toBeNaN();
  });

  it('explains what is wrong with a bad line', () => {
    expect(parseSampleLine('x{a="1" 2')).toMatch(/bad label name|expected/);
    expect(parseSampleLine('x{a=1} 2')).toBe('expected ="..." after label a');
    expect(parseSampleLine('x{a="1} 2')).toBe('unterminated value of label a');
    expect(parseSampleLine('x one')).toBe('bad sample value "one"');
    expect(parseSampleLine('{a="1"} 2')).toBe('expected a metric name');
  });
});

describe('parseExposition on the real scrapes of ../shared/data/metrics', () => {
  for (const v of ['1.33', '1.35']) {
    it(`parses every line of the Kubernetes ${v} scrapes`, () => {
      for (const f of SCRAPES) {
        const text = readFileSync(join(DATA, `k8s-${v}`, f), 'utf8');
        const r = parseExposition(text, { instance: 'x' });
        const sampleLines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#')).length;
        expect(r.errors, f).toEqual([]);
        expect(r.samples.length, f).toBe(sampleLines);
        expect(r.samples.every((s) => s.labels['instance'] === 'x')).toBe(true);
      }
    });
  }

  it('keeps types and reports bad lines with their line numbers', () => {
    const r = parseExposition('# TYPE a counter\na_total 1\nbroken{\n\n# comment\na_total{x="y"} 2\n');
    expect(r.types.get('a')).toBe('counter');
    expect(r.samples.map((s) => s.value)).toEqual([1, 2]);
    expect(r.errors).toEqual([{ line: 3, message: 'bad label name at column 8' }]);
  });
});
