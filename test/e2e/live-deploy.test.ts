import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { connect } from '../../src/sources/live/kubeconfig.js';
import { LIST_KINDS } from '../../src/sources/live/kinds.js';
import { NAMED_OBJECTS, NEVER_READ } from '../../src/sources/live/other-reads.js';
import { clusterRoleRules, namedObjectRoles, type PolicyRule } from '../../src/sources/live/rbac.js';
import { readCluster } from '../../src/sources/live/read.js';
import { CHART, MANIFESTS, DEPLOY, rbacTemplates, renderChart } from '../support/render-deploy.js';
import { loadApiServerMetrics, loadCapture, writeKubeconfig } from '../support/replay-cluster.js';
import { startReplayServer, type ReplayServer, type RequestAttributes } from '../support/replay-server.js';

interface K8sDoc {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: PolicyRule[];
  spec?: unknown;
}
const docs = (text: string) => yaml.loadAll(text).filter(Boolean) as K8sDoc[];
const find = (all: K8sDoc[], kind: string) => all.filter((d) => d.kind === kind);

/** The RBAC authorizer's matching for one rule (no wildcards are ever generated; see the test below). */
function allows(rules: readonly PolicyRule[], a: RequestAttributes): boolean {
  return rules.some((r) => {
    if (!r.verbs.includes(a.verb)) return false;
    if (a.path !== undefined)
      return (r.nonResourceURLs ?? []).some(
        (u) => u === a.path || (u.endsWith('*') && a.path!.startsWith(u.slice(0, -1))),
      );
    if (!(r.apiGroups ?? []).includes(a.group ?? '') || !(r.resources ?? []).includes(a.resource ?? '')) return false;
    return !r.resourceNames || (a.name !== undefined && r.resourceNames.includes(a.name));
  });
}

describe('deploy/: chart, rendered manifests and the RBAC the code needs', () => {
  const manifests = docs(readFileSync(MANIFESTS, 'utf8'));

  it('keeps the generated RBAC templates and the rendered manifests in sync (npm run deploy:render)', () => {
    for (const [file, text] of Object.entries(rbacTemplates()))
      expect(readFileSync(join(CHART, 'templates', file), 'utf8')).toBe(text);
    expect(readFileSync(MANIFESTS, 'utf8')).toContain(renderChart());
  });

  it('grants exactly the ClusterRole and kube-system Role the code derives from its tables', () => {
    const [role, ...more] = find(manifests, 'ClusterRole');
    expect(more).toHaveLength(0);
    expect(role?.rules).toEqual(clusterRoleRules());
    const roles = find(manifests, 'Role');
    expect(roles.map((r) => ({ namespace: r.metadata.namespace, rules: r.rules }))).toEqual(namedObjectRoles());
  });

  it('never grants secrets, a write verb, a wildcard, or nodes/proxy by default', () => {
    const rules = [...find(manifests, 'ClusterRole'), ...find(manifests, 'Role')].flatMap((r) => r.rules ?? []);
    const resources = rules.flatMap((r) => r.resources ?? []);
    for (const never of NEVER_READ) expect(resources).not.toContain(never);
    expect(resources).not.toContain('nodes/proxy');
    expect(new Set(rules.flatMap((r) => r.verbs))).toEqual(new Set(['get', 'list', 'watch']));
    expect(JSON.stringify(rules)).not.toContain('*"');
    expect(rules.flatMap((r) => r.apiGroups ?? []).every((g) => g !== '*')).toBe(true);
  });

  it('adds only get on nodes/proxy, and tells the CronJob, when rbac.kubeletConfigz is true', () => {
    const on = docs(renderChart({ rbac: { kubeletConfigz: true } }));
    const extra = find(on, 'ClusterRole')[0]!.rules!.filter(
      (r) => !clusterRoleRules().some((b) => JSON.stringify(b) === JSON.stringify(r)),
    );
    expect(extra).toEqual([{ apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }]);
    expect(JSON.stringify(find(on, 'CronJob')[0])).toContain('{"name":"KUBETUNE_KUBELET_CONFIGZ","value":"true"}');
    expect(JSON.stringify(find(manifests, 'CronJob')[0])).toContain(
      '{"name":"KUBETUNE_KUBELET_CONFIGZ","value":"false"}',
    );
  });

  it('covers every kind and ConfigMap the reader asks for', () => {
    const cluster = clusterRoleRules();
    for (const k of LIST_KINDS)
      expect(allows(cluster, { verb: 'list', group: k.group, resource: k.resource }), k.resource).toBe(true);
    const role = namedObjectRoles().flatMap((r) => r.rules);
    for (const o of NAMED_OBJECTS)
      expect(allows(role, { verb: 'get', group: '', resource: o.resource, name: o.name })).toBe(true);
  });

  describe('a live read with exactly these permissions', () => {
    let server: ReplayServer | undefined;
    afterAll(async () => server?.close());

    it('is forbidden nothing but nodes/proxy, which it reports once', async () => {
      const rules = [...clusterRoleRules(), ...namedObjectRoles().flatMap((r) => r.rules)];
      server = await startReplayServer({
        objects: loadCapture(),
        metricsText: loadApiServerMetrics(),
        configz: () => ({ maxPods: 110 }),
        authorize: (a) => allows(rules, a),
      });
      const conn = await connect({
        kubeconfig: writeKubeconfig(mkdtempSync(join(tmpdir(), 'kt-rbac-')), { server: server.url }),
      });
      const r = await readCluster(conn.api);
      conn.api.close();
      const forbidden = r.diagnostics.filter((d) => d.code === 'forbidden');
      expect(forbidden.map((d) => d.message.split(':')[0])).toEqual(['kubelet configuration (nodes/proxy)']);
      expect(server.requests.filter((q) => q.status === 403).every((q) => q.path.endsWith('/proxy/configz'))).toBe(
        true,
      );
    });
  });

  it('passes kubetune audit deploy/ with zero errors', async () => {
    const out: string[] = [];
    const io = {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: () => true },
      stdin: Readable.from([]),
      env: {},
      cwd: process.cwd(),
      now: () => new Date(),
    };
    const code = await main(['audit', DEPLOY, '-o', 'json'], io);
    const report = JSON.parse(out.join(''));
    expect(report.summary.bySeverity.error).toBe(0);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.objects).toBeGreaterThanOrEqual(12);
    expect(code).toBe(0);
  });
});
