import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { renderChart } from '../support/render-deploy.js';

type Doc = {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: { verbs: string[]; resources: string[] }[];
};
const docs = (text: string): Doc[] => yaml.loadAll(text).filter((d): d is Doc => typeof d === 'object' && d !== null);
const WRITES = ['create', 'update', 'patch', 'delete', 'deletecollection', 'escalate', 'bind', 'impersonate', '*'];

describe('chart: bench RBAC', () => {
  it('is off by default: the chart grants no write anywhere', () => {
    const all = docs(renderChart());
    expect(all.some((d) => d.metadata.name.endsWith('-bench'))).toBe(false);
    for (const d of all)
      for (const r of d.rules ?? [])
        expect(
          r.verbs.filter((v) => WRITES.includes(v)),
          d.metadata.name,
        ).toEqual([]);
  });
  it('bench.enabled adds a namespaced Role and binding in the bench namespace, never a cluster-wide write', () => {
    const all = docs(renderChart({ bench: { enabled: true } }));
    const role = all.find((d) => d.kind === 'Role' && d.metadata.name === 'kubetune-bench');
    expect(role?.metadata.namespace).toBe('kubetune-bench');
    expect(role?.rules?.flatMap((r) => r.resources).sort()).toEqual([
      'events',
      'jobs',
      'persistentvolumeclaims',
      'pods',
      'pods/log',
      'services',
    ]);
    expect(all.find((d) => d.kind === 'RoleBinding' && d.metadata.name === 'kubetune-bench')?.metadata.namespace).toBe(
      'kubetune-bench',
    );
    expect(all.find((d) => d.kind === 'Namespace')?.metadata.name).toBe('kubetune-bench');
    for (const d of all.filter((x) => x.kind === 'ClusterRole'))
      for (const r of d.rules ?? [])
        expect(
          r.verbs.filter((v) => WRITES.includes(v)),
          d.metadata.name,
        ).toEqual([]);
  });
});
