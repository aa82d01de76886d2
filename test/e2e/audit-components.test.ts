import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../support/cli.js';

interface JsonFinding {
  ruleId: string;
  area: string;
  object: { kind: string; name: string };
  path: string;
  source?: { file: string; line: number };
}

const tmp = mkdtempSync(join(tmpdir(), 'kubetune-components-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('kubetune audit on manifests and component configs together', () => {
  it('reports workload and component findings in one report, with file and line, for the --kube-version given', async () => {
    const r = await runCli(['audit', 'examples/cluster', '--kube-version', '1.33', '-o', 'json', '--fail-on', 'none']);
    expect(r.code).toBe(EXIT.ok);
    const doc = JSON.parse(r.stdout) as { kubeVersion: string; findings: JsonFinding[] };
    expect(doc.kubeVersion).toBe('1.33');
    const find = (ruleId: string) => doc.findings.find((f) => f.ruleId === ruleId);
    expect(find('cpu-limit-ratio')?.source?.file).toBe('examples/cluster/manifests/shop.yaml');
    expect(find('component-flag-invalid')).toMatchObject({
      area: 'control-plane',
      object: { kind: 'ClusterConfiguration' },
      path: '/controllerManager/extraArgs/0',
      source: { file: 'examples/cluster/control-plane/kubeadm-config.yaml', line: 15 },
    });
    expect(find('kubelet-eviction-hard')?.source).toEqual({
      file: 'examples/cluster/node/kubelet-config.yaml',
      line: 6,
    });
    expect(find('sysctl-guide-values')?.source).toEqual({ file: 'examples/cluster/node/99-tuning.conf', line: 2 });
    expect(find('containerd-registry-mirrors')?.source).toEqual({ file: 'examples/cluster/node/config.toml', line: 7 });
    expect(find('kubelet-cgroup-driver-mismatch')?.source?.file).toBe('examples/cluster/node/config.toml');
    const invalid = doc.findings.filter((f) => f.ruleId === 'component-flag-invalid').map((f) => f.source?.file);
    expect(invalid).toContain('examples/cluster/node/10-kubeadm.conf');
  });

  it('judges against the version given: on 1.26 the same files are deprecated, not broken', async () => {
    const r = await runCli([
      'audit',
      'examples/cluster/control-plane',
      '--kube-version',
      '1.26',
      '-o',
      'json',
      '--fail-on',
      'none',
    ]);
    const doc = JSON.parse(r.stdout) as { findings: (JsonFinding & { messageId: string })[] };
    expect(doc.findings.filter((f) => f.ruleId === 'component-flag-invalid')).toEqual([]);
    expect(doc.findings.find((f) => f.ruleId === 'component-flag-deprecated')?.path).toBe(
      '/controllerManager/extraArgs/0',
    );
    expect(doc.findings.find((f) => f.ruleId === 'scheduler-config-api-removed')?.messageId).toBe('deprecated');
  });

  it('plan writes configs that pass the same audit', async () => {
    const out = join(tmp, 'plan');
    const p = await runCli(['plan', '--nodes', '300', '--pods', '9000', '--kube-version', '1.34', '--out', out]);
    expect(p.code).toBe(EXIT.ok);
    expect(p.stdout).toMatch(/Tier \*\*large\*\*/);
    expect(readFileSync(join(out, 'node', 'kube-proxy-config.yaml'), 'utf8')).toMatch(/mode: nftables/);
    const r = await runCli(['audit', out, '--kube-version', '1.34', '--fail-on', 'warning']);
    expect(r.code, r.stdout).toBe(EXIT.ok);
  });

  it('rejects a bad --nodes', async () => {
    const r = await runCli(['plan', '--nodes', 'many']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/--nodes: expected a positive whole number/);
  });
});
