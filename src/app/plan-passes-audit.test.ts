import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles } from './audit.js';
import { parseKubeVersion, SUPPORTED_MINORS } from '../core/version.js';
import { CAPACITY_TIERS } from '../knowledge/capacity.js';
import { RULES } from '../rules/index.js';
import { buildPlan } from '../generate/plan/plan.js';
import { renderPlanFiles } from '../generate/plan/render.js';

// In app/, beside the pipelines it needs (the audit): tests import downward only (.dependency-cruiser.tests.cjs).
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
