import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
import { histogramSeries, startBackfilledPrometheus } from '../support/prometheus.js';
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

describe("the CronJob's script", () => {
  it('runs audit, diagnose and health against a cluster and a Prometheus, one JSON line each', async () => {
    const cron = find(docs(readFileSync(MANIFESTS, 'utf8')), 'CronJob')[0] as unknown as {
      spec: { jobTemplate: { spec: { template: { spec: { containers: { command: string[]; args: string[] }[] } } } } };
    };
    const c = cron.spec.jobTemplate.spec.template.spec.containers[0]!;
    expect(c.command).toEqual(['/bin/sh', '-c']);
    const work = mkdtempSync(join(tmpdir(), 'kt-cron-'));
    // `kubetune` on PATH runs this checkout, as the image's entry point would
    const bin = join(work, 'bin');
    mkdirSync(bin);
    const root = new URL('../..', import.meta.url).pathname;
    writeFileSync(
      join(bin, 'kubetune'),
      `#!/bin/sh\nexec "${root}node_modules/.bin/tsx" "${root}src/cli/run.ts" "$@"\n`,
    );
    chmodSync(join(bin, 'kubetune'), 0o755);
    const server = await startReplayServer({
      objects: [...loadCapture(), ...nodeUsage()],
      metricsText: loadApiServerMetrics(),
    });
    const end = Math.floor(Date.now() / 1000);
    const range = { startSeconds: end - 1800, endSeconds: end, stepSeconds: 15 };
    const prom = await startBackfilledPrometheus([
      {
        name: 'apiserver_request_duration_seconds',
        type: 'histogram',
        series: histogramSeries({
          name: 'apiserver_request_duration_seconds',
          labels: { verb: 'GET', scope: 'resource', resource: 'pods' },
          buckets: [0.1, 0.25, 1],
          range,
          ratePerSecond: 10,
          cdf: (le) => (le >= 0.25 ? 1 : 0.9),
        }),
      },
    ]);
    try {
      const env = {
        PATH: `${bin}:${process.env['PATH'] ?? ''}`,
        HOME: work,
        TMPDIR: work,
        KUBECONFIG: writeKubeconfig(work, { server: server.url }),
        KUBETUNE_AUDIT_ARGS: '--fail-on none',
        KUBETUNE_KUBELET_CONFIGZ: 'false',
        PROMETHEUS_URL: prom.url,
        PUSHGATEWAY_URL: '',
      };
      const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((resolve) => {
        const child = spawn('/bin/sh', ['-c', c.args[0]!], { env });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d));
        child.on('exit', (status) => resolve({ stdout: out, code: status }));
      });
      expect(code).toBe(0);
      const lines = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { kind: string; [k: string]: unknown });
      expect(lines.map((l) => l.kind)).toEqual(['kubetune.audit', 'kubetune.diagnose', 'kubetune.health']);
      expect(lines[0]).toMatchObject({ exit: 0 });
      expect(lines[0]!['findings']).toBeGreaterThan(0);
      expect(lines[2]).toMatchObject({ status: 'healthy', apiP99Source: 'prometheus-5m' });
      expect(server.requests.some((q) => q.path.endsWith('/proxy/configz'))).toBe(false);
    } finally {
      await server.close();
      await prom.stop();
    }
  }, 180_000);
});

function nodeUsage() {
  return [
    {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'NodeMetrics',
      metadata: { name: 'datagen-1-35' },
      usage: { cpu: '500m', memory: '1Gi' },
    },
  ];
}
