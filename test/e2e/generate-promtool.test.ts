/**
 * `kubetune generate rules dashboards tests --out DIR` for every profile and both rule formats: the real promtool
 * accepts the rule files (`check rules`) and the generated unit tests pass (`test rules`); a rule file whose threshold
 * is moved makes them fail; kubetune's own audit finds nothing in the rules and dashboards (dogfood).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROFILE_NAMES } from '../../src/knowledge/profiles.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/processes.js';
import { promtool } from '../support/promtool.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function generate(args: readonly string[]): Promise<string> {
  const out = await tempDir('generate');
  dirs.push(out);
  const run = await runCli(['generate', 'rules', 'dashboards', 'tests', '--out', out, ...args]);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

describe('generated rules and tests under the real promtool', { timeout: 120_000 }, () => {
  for (const profile of PROFILE_NAMES) {
    it(`profile ${profile}: promtool check rules and test rules pass, audit finds nothing`, async () => {
      const out = await generate(['--profile', profile, '--team', 'sre', '--component-label', 'etcd=storage']);
      const check = await promtool(['check', 'rules', 'rules/kubetune.rules.yaml'], out);
      expect(check.output).toMatch(/SUCCESS: \d+ rules found/);
      expect(check.code).toBe(0);
      const test = await promtool(
        ['test', 'rules', 'tests/kubetune.rules.test.yaml', 'tests/kubetune-slo.rules.test.yaml'],
        out,
      );
      expect(test.output).toContain('SUCCESS');
      expect(test.code, test.output.slice(0, 4000)).toBe(0);
      const audit = await runCli([
        'audit',
        join(out, 'rules'),
        join(out, 'dashboards'),
        '-o',
        'json',
        '--fail-on',
        'info',
      ]);
      const report = JSON.parse(audit.stdout) as { findings: unknown[] };
      expect(report.findings).toEqual([]);
      expect(audit.code).toBe(0);
    });
  }

  it('PrometheusRule output: a CR promtool checks once unwrapped, with the same groups', async () => {
    const out = await generate(['-o', 'prometheusrule', '--namespace', 'monitoring']);
    const cr = await readFile(join(out, 'rules/kubetune-prometheusrule.yaml'), 'utf8');
    expect(cr).toMatch(/kind: PrometheusRule[\s\S]*namespace: monitoring/);
    const plain = await readFile(join(out, 'rules/kubetune.rules.yaml'), 'utf8');
    expect(cr.split('spec:\n')[1]!.replace(/^ {2}/gm, '')).toBe(plain.slice(plain.indexOf('groups:')));
  });

  it('the tests catch a wrong threshold and a missing for:', async () => {
    const out = await generate([]);
    const file = join(out, 'rules/kubetune.rules.yaml');
    const rules = await readFile(file, 'utf8');
    const moved = rules.replace('kubetune:etcd_wal_fsync_p99:5m > 0.1\n', 'kubetune:etcd_wal_fsync_p99:5m > 0.3\n');
    expect(moved).not.toBe(rules);
    await writeFile(file, moved);
    const failed = await promtool(['test', 'rules', 'tests/kubetune.rules.test.yaml'], out);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('alertname: EtcdWalFsyncP99, time: 5m');
    const noFor = rules.replace(/(expr: kubetune:node_cpu_utilisation:5m > 0\.8\n\s+)for: 5m/, '$1for: 0s');
    expect(noFor).not.toBe(rules);
    await writeFile(file, noFor);
    const early = await promtool(['test', 'rules', 'tests/kubetune.rules.test.yaml'], out);
    expect(early.code).not.toBe(0);
    expect(early.output).toContain('alertname: NodeCpuUtilisation, time: 4m');
  });
});
