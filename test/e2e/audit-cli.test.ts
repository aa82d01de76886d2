import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { REPORT_SCHEMA_VERSION } from '../../src/reporters/report.js';
import { runCli } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'kubetune-e2e-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};
const GOOD = `apiVersion: apps/v1
kind: Deployment
metadata: {name: ok, namespace: shop}
spec:
  selector: {matchLabels: {app: ok}}
  template:
    metadata: {labels: {app: ok}}
    spec:
      containers:
        - name: ok
          image: registry.example.com/ok:1.0.0
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 150m, memory: 192Mi}}
          readinessProbe: {httpGet: {path: /ready, port: 8080}}
          livenessProbe: {httpGet: {path: /live, port: 8080}}
`;

describe('kubetune audit', () => {
  it('audits the bundled example, printing findings with file and line', async () => {
    const r = await runCli(['audit', 'examples/cluster']);
    expect(r.stdout).toMatch(/examples\/cluster\/manifests\/shop\.yaml/);
    expect(r.stdout).toMatch(/cpu limit is 8x the request \(max 2x\)\. \[cpu-limit-ratio\]/);
    expect(r.stdout).toMatch(/\d+ objects from \d+ files/);
    expect(r.code).toBe(EXIT.findings);
  });

  it('writes versioned JSON with RFC 6901 paths and source lines', async () => {
    const r = await runCli(['audit', 'examples/cluster/manifests/shop.yaml', '-o', 'json', '--fail-on', 'none']);
    expect(r.code).toBe(EXIT.ok);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    const ratio = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'cpu-limit-ratio');
    expect(ratio).toMatchObject({
      severity: 'warning',
      area: 'workloads',
      object: { kind: 'Deployment', namespace: 'shop', name: 'frontend' },
      path: '/spec/template/spec/containers/0/resources/limits/cpu',
      source: { file: 'examples/cluster/manifests/shop.yaml', line: 40 },
      fix: [{ op: 'replace', path: '/spec/template/spec/containers/0/resources/limits/cpu', value: '500m' }],
    });
  });

  it('exits 0 on a clean manifest and honours --fail-on levels', async () => {
    const p = write('good.yaml', GOOD);
    expect((await runCli(['audit', p])).code).toBe(EXIT.ok);
    const noLimit = write('info.yaml', GOOD.replace('limits: {cpu: 150m, memory: 192Mi}', 'limits: {memory: 192Mi}'));
    expect((await runCli(['audit', noLimit])).code).toBe(EXIT.ok);
    expect((await runCli(['audit', noLimit, '--fail-on', 'info'])).code).toBe(EXIT.findings);
  });

  it('reads stdin with -', async () => {
    const r = await runCli(['audit', '-', '-o', 'json'], {
      stdin: GOOD.replace('image: registry.example.com/ok:1.0.0', 'image: nginx'),
    });
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.map((f: { ruleId: string; source: { file: string } }) => [f.ruleId, f.source.file])).toEqual([
      ['image-tag-latest', '<stdin>'],
    ]);
  });

  it('keeps auditing after a malformed file and exits with the input error code', async () => {
    const bad = write('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: [x\n');
    const good = write('also-good.yaml', GOOD.replace('image: registry.example.com/ok:1.0.0', 'image: nginx:latest'));
    const r = await runCli(['audit', bad, good]);
    expect(r.code).toBe(EXIT.input);
    expect(r.stdout).toMatch(new RegExp(`${bad}:[34]: `));
    expect(r.stdout).toMatch(/image-tag-latest/);
    expect(r.stdout).toMatch(/skipped: 1 parse error/);
  });

  it('applies .kubetune.yaml: severity overrides, rules off, exemptions; and the ignore annotation', async () => {
    const dir = mkdtempSync(join(tmp, 'cfg-'));
    const noProbes = GOOD.replace(/ {10}readinessProbe.*\n {10}livenessProbe.*\n/, '').replace(
      'image: registry.example.com/ok:1.0.0',
      'image: nginx',
    );
    writeFileSync(join(dir, 'app.yaml'), noProbes);
    writeFileSync(
      join(dir, '.kubetune.yaml'),
      'rules:\n  readiness-probe-missing: error\n  liveness-probe-missing: off\nexemptions:\n  - namespace: shop\n    rules: [image-tag-latest]\n',
    );
    const r = await runCli(['audit', 'app.yaml', '-o', 'json'], { cwd: dir });
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`)).toEqual([
      'readiness-probe-missing:error',
    ]);
    expect(r.code).toBe(EXIT.findings);
    writeFileSync(
      join(dir, 'app.yaml'),
      noProbes.replace(
        'metadata: {name: ok, namespace: shop}',
        'metadata: {name: ok, namespace: shop, annotations: {kubetune.io/ignore: "readiness-probe-missing"}}',
      ),
    );
    expect((await runCli(['audit', 'app.yaml'], { cwd: dir })).code).toBe(EXIT.ok);
  });

  it('rejects bad usage and bad config with exit code 2', async () => {
    expect((await runCli(['audit', 'x.yaml', '--fail-on', 'sometimes'])).code).toBe(EXIT.usage);
    expect((await runCli(['audit', 'x.yaml', '-o', 'pdf'])).code).toBe(EXIT.usage);
    expect((await runCli(['audit', 'x.yaml', '--kube-version', 'banana'])).code).toBe(EXIT.usage);
    expect((await runCli(['audit', 'x.yaml', '--rule', 'no-such-rule'])).code).toBe(EXIT.usage);
    expect((await runCli(['audit', 'x.yaml', '--workers', '-1'])).code).toBe(EXIT.usage);
    expect((await runCli(['audit', 'x.yaml', '--workers', 'two'])).code).toBe(EXIT.usage);
    expect((await runCli(['frobnicate'])).code).toBe(EXIT.usage);
    const dir = mkdtempSync(join(tmp, 'badcfg-'));
    writeFileSync(join(dir, '.kubetune.yaml'), 'rules:\n  x: loud\n');
    const r = await runCli(['audit', 'a.yaml'], { cwd: dir });
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/\.kubetune\.yaml: rules\.x must be/);
  });

  it('reports a missing path as unreadable input', async () => {
    const r = await runCli(['audit', join(tmp, 'nope.yaml')]);
    expect(r.code).toBe(EXIT.input);
    expect(r.stdout).toMatch(/no such file or directory/);
  });

  it('checks against the --kube-version given', async () => {
    const r = await runCli(['audit', 'examples/cluster', '-o', 'json', '--kube-version', '1.29', '--fail-on', 'none']);
    expect(JSON.parse(r.stdout).kubeVersion).toBe('1.29');
  });

  it('writes every format to a file with --output-file', async () => {
    for (const format of ['text', 'json', 'yaml', 'sarif', 'junit', 'markdown']) {
      const out = join(tmp, `report.${format}`);
      const r = await runCli(['audit', 'examples/cluster', '-o', format, '--output-file', out]);
      expect(r.stdout).toBe('');
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(100);
    }
  });

  it('lists and explains rules', async () => {
    const list = await runCli(['rules', '--json']);
    const rules = JSON.parse(list.stdout);
    expect(rules.map((r: { id: string }) => r.id)).toContain('memory-limit-ratio');
    const explain = await runCli(['explain', 'memory-limit-ratio']);
    expect(explain.stdout).toMatch(/memory-limit-ratio \(workloads, warning, fixable\)/);
    expect((await runCli(['explain', 'memory-limit'])).code).toBe(EXIT.usage);
  });

  it('runs as a real process through bin/kubetune.js', () => {
    const r = spawnSync(
      process.execPath,
      ['bin/kubetune.js', 'audit', 'examples/cluster/manifests/payments.yaml', '-o', 'json'],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'namespace-all-guaranteed',
    );
    expect(r.status).toBe(0);
  });
});
