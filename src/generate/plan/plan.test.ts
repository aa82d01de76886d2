import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles } from '../../cli/audit-pipeline.js';
import { parseKubeVersion, SUPPORTED_MINORS } from '../../core/version.js';
import { CAPACITY_TIERS } from '../../knowledge/capacity.js';
import { RULES } from '../../rules/index.js';
import { buildPlan } from './plan.js';
import { renderPlanFiles } from './render.js';

const root = mkdtempSync(join(tmpdir(), 'kubetune-plan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A node count inside each tier of the capacity matrix. */
const SIZES = CAPACITY_TIERS.map((t) => Math.min(t.nodes.max, t.nodes.min * 3));

async function auditPlan(nodes: number, minor: number) {
  const kubeVersion = parseKubeVersion(`1.${minor}`)!;
  const plan = buildPlan({ nodes, pods: nodes * 40, kubeVersion });
  const dir = join(root, `${nodes}-${minor}`);
  for (const f of renderPlanFiles(plan)) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  const config = {
    rules: Object.fromEntries(RULES.map((r) => [r.id, { options: { nodes, services: nodes * 2 } }])),
    exemptions: [],
  };
  const result = await auditFiles([dir], { kubeVersion: `1.${minor}`, config });
  return { plan, result };
}

describe('kubetune plan passes its own audit', () => {
  for (const nodes of SIZES) {
    it.each([...SUPPORTED_MINORS])(`${nodes} nodes on 1.%s: every file is read, no error or warning`, async (minor) => {
      const { plan, result } = await auditPlan(nodes, minor);
      expect(result.read.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      const kinds = result.snapshot.components.map((c) => c.component).sort();
      expect(kinds).toEqual(
        [
          'containerd',
          'etcd',
          'kube-apiserver',
          'kube-controller-manager',
          'kube-proxy-config',
          'kube-scheduler',
          'kubelet-config',
          'scheduler-config',
          'sysctl',
        ].sort(),
      );
      const problems = result.run.findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}: ${f.message}`);
      expect(problems).toEqual([]);
      expect(result.run.diagnostics.filter((d) => d.code === 'rule-error')).toEqual([]);
      expect(plan.tier.nodes.min).toBeLessThanOrEqual(nodes);
    });
  }
});

describe('buildPlan', () => {
  const v = parseKubeVersion('1.33')!;
  it('picks the tier of the capacity matrix', () => {
    expect(
      [5, 10, 11, 100, 101, 999, 1000, 4000].map((n) => buildPlan({ nodes: n, kubeVersion: v }).tier.name),
    ).toEqual(['small', 'small', 'medium', 'medium', 'large', 'large', 'ultra', 'ultra']);
  });
  it('switches kube-proxy to nftables only where it is GA and the cluster is large', () => {
    expect(buildPlan({ nodes: 500, kubeVersion: v }).proxyMode).toBe('nftables');
    expect(buildPlan({ nodes: 500, kubeVersion: parseKubeVersion('1.30')! }).proxyMode).toBe('ipvs');
    expect(buildPlan({ nodes: 50, kubeVersion: v }).proxyMode).toBe('iptables');
  });
  it('sizes maxPods from the expected pods and warns when nodes are too few', () => {
    expect(buildPlan({ nodes: 10, pods: 500, kubeVersion: v }).maxPods).toBe(60);
    const crowded = buildPlan({ nodes: 10, pods: 5000, kubeVersion: v });
    expect(crowded.maxPods).toBe(110);
    expect(crowded.warnings.join('\n')).toMatch(/at least 50 nodes/);
  });
  it('writes kubeadm v1beta3 maps before 1.31 and v1beta4 lists after', () => {
    const cc = (minor: number) => buildPlan({ nodes: 50, kubeVersion: parseKubeVersion(`1.${minor}`)! }).files[0]!;
    const doc = (f: ReturnType<typeof cc>) => (f.kind === 'yaml' ? f.documents[0]! : {});
    expect(doc(cc(30))['apiVersion']).toBe('kubeadm.k8s.io/v1beta3');
    expect(Array.isArray((doc(cc(31))['apiServer'] as Record<string, unknown>)['extraArgs'])).toBe(true);
  });
});
