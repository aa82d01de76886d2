/** Issue 19's CLI items: settings that silently turned the gate off, paths swallowed by flags, usage errors as bugs. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../support/cli.js';

const SHOP = 'examples/cluster/manifests/shop.yaml';
const dir = mkdtempSync(join(tmpdir(), 'kubetune-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Deployment on a removed API version (an error) whose container has no resources (warnings). */
const BAD = `apiVersion: extensions/v1beta1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 1
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:latest
`;

const json = (stdout: string) => JSON.parse(stdout) as { findings: { severity: string }[]; summary: { files: number } };

describe('unknown names are usage errors naming the nearest valid one', () => {
  it('audit --area, rules --area, --kube-version, a misspelt rule id in .kubetune.yaml', async () => {
    const area = await runCli(['audit', SHOP, '--area', 'netwrk']);
    expect(area.code).toBe(EXIT.usage);
    expect(area.stderr).toMatch(/did you mean network\?/);
    expect((await runCli(['audit', SHOP, '--area', 'bogus'])).code).toBe(EXIT.usage);
    expect((await runCli(['rules', '--area', 'bogus'])).code).toBe(EXIT.usage);
    const version = await runCli(['audit', SHOP, '--kube-version', '2.0']);
    expect(version.code).toBe(EXIT.usage);
    expect(version.stderr).toMatch(/--kube-version.*1\.25 to 1\.35/);
    const cwd = mkdtempSync(join(dir, 'cfg-'));
    writeFileSync(join(cwd, '.kubetune.yaml'), 'rules:\n  cpu-limit-mising: off\n');
    const cfg = await runCli(['audit', join(process.cwd(), SHOP)], { cwd });
    expect(cfg.code).toBe(EXIT.usage);
    expect(cfg.stderr).toMatch(/unknown rule id "cpu-limit-mising"; did you mean cpu-limit-missing/);
    const rule = await runCli(['audit', SHOP, '--rule', 'memory-limit-ratoi']);
    expect(rule.code).toBe(EXIT.usage);
    expect(rule.stderr).toMatch(/memory-limit-ratio/);
  });

  it('.kubetune.yaml takes what the flags take: failOn P0 and none, and rejects what they reject', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, BAD);
    for (const [failOn, code] of [
      ['P0', EXIT.findings],
      ['none', EXIT.ok],
    ] as const) {
      const cwd = mkdtempSync(join(dir, 'cfg-'));
      writeFileSync(join(cwd, '.kubetune.yaml'), `failOn: ${failOn}\n`);
      expect((await runCli(['audit', file], { cwd })).code, failOn).toBe(code);
    }
    const cwd = mkdtempSync(join(dir, 'cfg-'));
    writeFileSync(join(cwd, '.kubetune.yaml'), 'kubeVersion: "2.0"\n');
    const r = await runCli(['audit', file], { cwd });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/\.kubetune\.yaml: kubeVersion: /);
  });
});

describe('--rule and --area take comma lists and leave paths alone', () => {
  it('audits the path after --rule instead of calling it a rule id', async () => {
    const r = await runCli(['audit', '--rule', 'cpu-limit-ratio', SHOP, '-o', 'json', '--fail-on', 'none']);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(json(r.stdout).summary.files).toBe(1);
    const both = await runCli([
      'audit',
      '--rule',
      'image-tag-latest,cpu-limit-missing',
      '--area',
      'images',
      '--area',
      'workloads',
      SHOP,
      '-o',
      'json',
      '--fail-on',
      'none',
    ]);
    expect(both.code, both.stderr).toBe(EXIT.ok);
  });
});

describe('usage errors are exit 2 with one line, never "internal error"', () => {
  it('--output-file in a directory that does not exist', async () => {
    const r = await runCli(['audit', SHOP, '-o', 'json', '--output-file', '/no/such/dir/x.json']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('snapshot -o is a format; a file name there says to use --output-file', async () => {
    const r = await runCli(['snapshot', '-o', 'prod.yaml']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/--output-file prod\.yaml/);
  });
});

describe('--fail-on combines severity and priority (README: Severity, priority and --fail-on)', () => {
  it('--fail-on P2 fails on a file with errors; --fail-on none never fails', async () => {
    const file = join(dir, 'errors.yaml');
    writeFileSync(file, BAD);
    const report = await runCli(['audit', file, '-o', 'json', '--fail-on', 'none']);
    expect(json(report.stdout).findings.some((f) => f.severity === 'error')).toBe(true);
    expect(report.code).toBe(EXIT.ok);
    for (const level of ['P2', 'P1', 'P0', 'error'])
      expect((await runCli(['audit', file, '--fail-on', level])).code, level).toBe(EXIT.findings);
    const bad = await runCli(['audit', file, '--fail-on', 'P3']);
    expect(bad.code).toBe(EXIT.usage);
  });
});

describe('help and output agree with the README', () => {
  it('rules -o json, completion, and diagnose --verbose wording', async () => {
    const rules = await runCli(['rules', '-o', 'json', '--area', 'images']);
    expect(rules.code).toBe(EXIT.ok);
    expect((JSON.parse(rules.stdout) as { area: string }[]).every((r) => r.area === 'images')).toBe(true);
    const bash = await runCli(['completion', 'bash']);
    expect(bash.code).toBe(EXIT.ok);
    expect(bash.stdout).toMatch(/complete -o default -F _kubetune kubetune/);
    expect((await runCli(['completion', 'tcsh'])).code).toBe(EXIT.usage);
    const diagnose = (await runCli(['diagnose', '--help'])).stdout;
    expect(diagnose).not.toMatch(/skipped rules/);
  });
});
