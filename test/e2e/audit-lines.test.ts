import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

// Findings point at the field (SARIF annotations, editors), however the YAML reaches kubetune.
const dir = mkdtempSync(join(tmpdir(), 'kubetune-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: web
          image: nginx:latest
          resources:
            requests: {cpu: 100m, memory: 64Mi}
`;
const DOC_LINES = deployment('x').split('\n').length; // with the separator line
/** Line of each field in document `k` (0-based) of a file of such documents joined by `---`. */
const fieldLines = (k: number) => ({
  image: k * DOC_LINES + 16,
  limits: k * DOC_LINES + 17,
  replicas: k * DOC_LINES + 7,
});

interface Finding {
  ruleId: string;
  object: { name: string };
  source: { file: string; line: number };
}
const RULES = ['image-tag-latest', 'cpu-limit-missing', 'pdb-missing'];
const audit = async (args: string[], stdin?: string) => {
  const r = await runCli(
    ['audit', ...args, '-o', 'json', '--rule', RULES.join(',')],
    stdin !== undefined ? { stdin } : {},
  );
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
};
const lineOf = (findings: Finding[], ruleId: string, name: string) =>
  findings.find((f) => f.ruleId === ruleId && f.object.name === name)?.source.line;

describe('finding lines point at the field', { timeout: 600_000 }, () => {
  it('YAML from stdin (helm template … | kubetune audit -)', async () => {
    const text = [deployment('a'), deployment('b')].join('---\n');
    const findings = await audit(['-'], text);
    expect(findings.every((f) => f.source.file === '<stdin>')).toBe(true);
    expect([lineOf(findings, 'image-tag-latest', 'b'), lineOf(findings, 'cpu-limit-missing', 'b')]).toEqual([
      fieldLines(1).image,
      fieldLines(1).limits,
    ]);
    expect(lineOf(findings, 'pdb-missing', 'a')).toBe(fieldLines(0).replicas);
  });

  const big = join(dir, 'big.yaml');
  const COUNT = 13_000; // ~5 MiB: above the old 4 MiB limit and the worker threshold
  writeFileSync(big, Array.from({ length: COUNT }, (_, i) => deployment(`d${i}`)).join('---\n'));

  it.each([{ flags: ['--workers', '0'] }, { flags: [] }])('a YAML file of 5 MiB ($flags)', async ({ flags }) => {
    expect(readFileSync(big).length).toBeGreaterThan(4 * 1024 * 1024);
    const findings = await audit([big, ...flags]);
    const last = COUNT - 1;
    expect([
      lineOf(findings, 'image-tag-latest', 'd0'),
      lineOf(findings, 'image-tag-latest', `d${last}`),
      lineOf(findings, 'cpu-limit-missing', `d${last}`),
    ]).toEqual([fieldLines(0).image, fieldLines(last).image, fieldLines(last).limits]);
  });
});
