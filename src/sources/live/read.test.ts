import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { extractComponents } from '../../model/components/extract.js';
import { readInputs } from '../files/read.js';
import {
  generateCluster,
  loadApiServerMetrics,
  loadCapture,
  writeKubeconfig,
} from '../../../test/support/replay-cluster.js';
import { startReplayServer, type ReplayOptions, type ReplayServer } from '../../../test/support/replay-server.js';
import { connect } from './kubeconfig.js';
import { readCluster, type LiveReadOptions } from './read.js';

const MINIKUBE_135 = new URL('../../../../shared/data/configs/minikube-kubeadm/v1.35/default.yaml', import.meta.url)
  .pathname;

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function readFrom(opts: ReplayOptions, read: LiveReadOptions = {}) {
  server = await startReplayServer(opts);
  const dir = mkdtempSync(join(tmpdir(), 'kt-live-'));
  const conn = await connect({ kubeconfig: writeKubeconfig(dir, { server: server.url }) });
  try {
    return await readCluster(conn.api, { kubelet: false, ...read });
  } finally {
    conn.api.close();
  }
}

const events = [
  { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e1', namespace: 'default', uid: 'e1' }, reason: 'OOMKilling' },
  { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e2', namespace: 'default', uid: 'e2' }, reason: 'Pulled' },
  {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'e3', namespace: 'kube-system', uid: 'e3' },
    reason: 'FailedScheduling',
  },
];
const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 's', namespace: 'default', uid: 's1' },
  data: { a: 'YQ==' },
};

describe('readCluster over the replay server (real k8s-1.35 capture)', () => {
  it('reads every captured pod, node and service, stamps apiVersion/kind and drops managedFields', async () => {
    const capture = loadCapture();
    const r = await readFrom({ objects: [...capture, ...events, secret] }, { limit: 7 });
    const count = (k: string) => r.resources.filter((x) => x.object.kind === k).length;
    expect(count('Pod')).toBe(capture.filter((o) => o.kind === 'Pod').length);
    expect(count('Node')).toBe(capture.filter((o) => o.kind === 'Node').length);
    expect(count('Service')).toBe(capture.filter((o) => o.kind === 'Service').length);
    expect(r.resources.every((x) => x.object.metadata && !('managedFields' in x.object.metadata))).toBe(true);
    expect(r.resources.every((x) => x.source?.file === 'cluster')).toBe(true);
    // paging: the pod list took several pages of at most 7
    const podPages = server!.requests.filter((q) => q.path === '/api/v1/pods');
    expect(podPages.length).toBe(Math.ceil(count('Pod') / 7));
    expect(podPages.every((q) => q.query['limit'] === '7')).toBe(true);
    // events: only the three reasons, via field selectors
    expect(
      r.resources
        .filter((x) => x.object.kind === 'Event')
        .map((x) => x.ref.name)
        .sort(),
    ).toEqual(['e1', 'e3']);
    expect(r.gitVersion).toBe('v1.35.0');
  });

  it('never asks for secrets', async () => {
    const r = await readFrom({ objects: [...loadCapture(), secret] });
    expect(server!.requests.some((q) => q.path.includes('secret'))).toBe(false);
    expect(r.resources.some((x) => x.object.kind === 'Secret')).toBe(false);
  });

  it('skips forbidden kinds with one forbidden diagnostic each and keeps going', async () => {
    const r = await readFrom({ objects: loadCapture(), forbidden: ['nodes', 'events'] });
    const forbidden = r.diagnostics.filter((d) => d.code === 'forbidden');
    expect(forbidden.map((d) => d.message.split(':')[0]).sort()).toEqual([
      'events (reason=Evicted)',
      'events (reason=FailedScheduling)',
      'events (reason=OOMKilling)',
      'nodes',
    ]);
    expect(r.kinds.find((k) => k.kind === 'Node')?.status).toBe('forbidden');
    expect(r.resources.some((x) => x.object.kind === 'Pod')).toBe(true);
    expect(r.stats.skipped['forbidden']).toBe(4);
  });

  it('restarts a list whose continue token expired (410) without duplicating items', async () => {
    const r = await readFrom({ virtual: generateCluster({ nodes: 3, pods: 95 }), expireOnce: ['pods'] }, { limit: 10 });
    const pods = r.resources.filter((x) => x.object.kind === 'Pod');
    expect(pods).toHaveLength(95);
    expect(new Set(pods.map((p) => p.object.metadata?.uid)).size).toBe(95);
    expect(server!.requests.some((q) => q.path === '/api/v1/pods' && q.status === 410)).toBe(true);
    expect(r.diagnostics.some((d) => /pods: continue token expired; list restarted 1/.test(d.message))).toBe(true);
  });

  it('restarts when tokens expire by age on a slow server', async () => {
    const r = await readFrom(
      { virtual: generateCluster({ nodes: 2, pods: 30 }), continueTtlMs: 5, delayMs: 20 },
      { limit: 10, concurrency: 1 },
    );
    // every continue is older than the TTL, so the list restarts until the restart budget is spent, then fails loudly
    expect(
      r.diagnostics.some((d) => d.code === 'source-error' && d.severity === 'error' && d.message.startsWith('pods')),
    ).toBe(true);
    expect(r.kinds.find((k) => k.kind === 'Pod')?.status).toBe('error');
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    const waits: number[] = [];
    const r = await readFrom(
      { objects: loadCapture(), throttle: { count: 2, retryAfterSeconds: 3, pathIncludes: '/pods' } },
      { retry: { sleep: async (ms) => void waits.push(ms) } },
    );
    expect(waits).toEqual([3000, 3000]);
    expect(server!.requests.filter((q) => q.status === 429)).toHaveLength(2);
    expect(r.resources.filter((x) => x.object.kind === 'Pod').length).toBeGreaterThan(0);
  });

  it('skips CRD kinds that are not installed quietly, and reads them when they are', async () => {
    const vpa = {
      apiVersion: 'autoscaling.k8s.io/v1',
      kind: 'VerticalPodAutoscaler',
      metadata: { name: 'v', namespace: 'default', uid: 'v' },
      spec: {},
    };
    const without = await readFrom({ objects: loadCapture() });
    expect(without.kinds.find((k) => k.kind === 'VerticalPodAutoscaler')?.status).toBe('not-installed');
    expect(without.diagnostics.find((d) => d.message.startsWith('verticalpodautoscalers'))?.severity).toBe('info');
    await server?.close();
    const withVpa = await readFrom({ objects: [...loadCapture(), vpa] });
    expect(withVpa.resources.some((x) => x.object.kind === 'VerticalPodAutoscaler')).toBe(true);
  });

  it('reads only one namespace with -n', async () => {
    const r = await readFrom({ objects: loadCapture() }, { namespace: 'kube-system' });
    const pods = r.resources.filter((x) => x.object.kind === 'Pod');
    expect(pods.length).toBeGreaterThan(0);
    expect(pods.every((p) => p.ref.namespace === 'kube-system')).toBe(true);
    expect(server!.requests.some((q) => q.path === '/api/v1/namespaces/kube-system/pods')).toBe(true);
  });

  it('reads the API server /metrics and the well-known ConfigMaps', async () => {
    const kubeProxy = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-proxy', namespace: 'kube-system', uid: 'kp' },
      data: { 'config.conf': 'mode: ipvs' },
    };
    const metrics = `${loadApiServerMetrics()}\napiserver_requested_deprecated_apis{group="flowcontrol.apiserver.k8s.io",removed_release="1.32",resource="flowschemas",subresource="",version="v1beta3"} 1\n`;
    const r = await readFrom({ objects: [...loadCapture(), kubeProxy], metricsText: metrics });
    const m = r.resources.find((x) => x.object.kind === 'APIServerMetrics')?.object;
    // the real capture already records a request for the deprecated core v1 Endpoints API
    expect(m?.['deprecatedAPIs']).toEqual([
      { group: '', version: 'v1', resource: 'endpoints', subresource: '', removedRelease: '' },
      {
        group: 'flowcontrol.apiserver.k8s.io',
        version: 'v1beta3',
        resource: 'flowschemas',
        subresource: '',
        removedRelease: '1.32',
      },
    ]);
    expect((m?.['requestDuration'] as { p99Seconds: number }).p99Seconds).toBeGreaterThan(0);
    expect(r.resources.some((x) => x.object.kind === 'ConfigMap' && x.ref.name === 'kube-proxy')).toBe(true);
    expect(server!.requests.filter((q) => q.path.includes('/configmaps')).every((q) => !q.query['limit'])).toBe(true);
  });

  it('samples kubelet configz per node pool on large clusters', async () => {
    const opts = {
      virtual: generateCluster({ nodes: 40, pods: 10, pools: 4 }),
      configz: (n: string) => ({ maxPods: 110, nodeName: n }),
    };
    const r = await readFrom(opts, { kubelet: { allUpTo: 20, perPool: 2 } });
    const cfgs = r.resources.filter((x) => x.object.kind === 'KubeletConfiguration');
    expect(cfgs).toHaveLength(8);
    expect(new Set(cfgs.map((c) => c.object.metadata?.annotations?.['kubetune.io/node-pool'])).size).toBe(4);
    expect(cfgs[0]?.object['maxPods']).toBe(110);
    expect(
      r.diagnostics.some((d) => d.message === 'kubelet configuration read from 8 of 40 nodes (sampled per node pool)'),
    ).toBe(true);
  });

  it('reports forbidden nodes/proxy once, not per node', async () => {
    const r = await readFrom(
      { virtual: generateCluster({ nodes: 5, pods: 5 }), forbidden: ['nodes/proxy'] },
      { kubelet: { allUpTo: 20, perPool: 1 }, concurrency: 1 },
    );
    expect(r.diagnostics.filter((d) => d.code === 'forbidden' && d.message.includes('nodes/proxy'))).toHaveLength(1);
  });
});

describe('kubelet configz as a component config', () => {
  it('reads like the same KubeletConfiguration from a file (the real minikube 1.35 one)', async () => {
    const docs = yaml.loadAll(readFileSync(MINIKUBE_135, 'utf8')) as Record<string, unknown>[];
    const kubelet = docs.find((d) => d?.['kind'] === 'KubeletConfiguration')!;
    const { apiVersion: _a, kind: _k, ...configz } = kubelet;
    const r = await readFrom(
      { objects: loadCapture(), configz: () => configz },
      { kubelet: { allUpTo: 20, perPool: 2 } },
    );
    const live = extractComponents(r.resources).components.filter((c) => c.component === 'kubelet-config');
    const file = extractComponents((await readInputs([MINIKUBE_135])).resources).components.filter(
      (c) => c.component === 'kubelet-config',
    );
    expect(live).toHaveLength(1);
    const raw = (c: unknown) => (c as { raw: Record<string, unknown> }).raw;
    expect(raw(live[0])['evictionHard']).toEqual(raw(file[0])['evictionHard']);
    expect(raw(live[0])['imageGCHighThresholdPercent']).toBe(100);
    expect(live[0]?.ref).toMatchObject({ kind: 'KubeletConfiguration', name: 'datagen-1-35' });
  });
});

describe('connect', () => {
  it('runs an exec credential plugin and sends its token', async () => {
    server = await startReplayServer({ objects: loadCapture(), bearerToken: 'from-exec-plugin' });
    const dir = mkdtempSync(join(tmpdir(), 'kt-exec-'));
    const plugin = join(dir, 'cred.mjs');
    const cred = {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      kind: 'ExecCredential',
      status: { token: 'from-exec-plugin' },
    };
    writeFileSync(plugin, `process.stdout.write(${JSON.stringify(JSON.stringify(cred))});\n`);
    const conn = await connect({
      kubeconfig: writeKubeconfig(dir, { server: server.url, exec: { command: process.execPath, args: [plugin] } }),
    });
    const r = await readCluster(conn.api, { kubelet: false, kinds: [], apiServerMetrics: false });
    conn.api.close();
    expect(r.gitVersion).toBe('v1.35.0');
    expect(server.requests.every((q) => q.authorization === 'Bearer from-exec-plugin')).toBe(true);
  });

  it('sends an unexpired OIDC id-token', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'RS256' })}.${b64({ iss: 'https://issuer.invalid', exp: 4102444800 })}.c2ln`;
    server = await startReplayServer({ objects: [], bearerToken: jwt });
    const dir = mkdtempSync(join(tmpdir(), 'kt-oidc-'));
    const conn = await connect({ kubeconfig: writeKubeconfig(dir, { server: server.url, oidcIdToken: jwt }) });
    await readCluster(conn.api, { kubelet: false, kinds: [], apiServerMetrics: false });
    conn.api.close();
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.every((q) => q.status !== 401)).toBe(true);
  });

  it('fails clearly on 401, on an unknown context and without any kubeconfig', async () => {
    server = await startReplayServer({ objects: [], bearerToken: 'right' });
    const dir = mkdtempSync(join(tmpdir(), 'kt-auth-'));
    const conn = await connect({ kubeconfig: writeKubeconfig(dir, { server: server.url, token: 'wrong' }) });
    await expect(readCluster(conn.api, { kubelet: false })).rejects.toMatchObject({ code: 'KT_KUBE_API', status: 401 });
    conn.api.close();
    const cfg = writeKubeconfig(dir, { server: server.url, context: 'replay' }, 'two-contexts');
    await expect(connect({ kubeconfig: cfg, context: 'nope' })).rejects.toThrow(
      /context "nope" not found .*contexts: replay, other/,
    );
    await expect(connect({ env: { HOME: dir } })).rejects.toMatchObject({ code: 'KT_KUBECONFIG' });
  });

  it('merges the files of $KUBECONFIG as kubectl does (first definition and current-context win)', async () => {
    server = await startReplayServer({ objects: [] });
    const dir = mkdtempSync(join(tmpdir(), 'kt-merge-'));
    const a = writeKubeconfig(dir, { server: server.url, context: 'replay' }, 'a'); // current-context: other
    const b = writeKubeconfig(dir, { server: 'http://127.0.0.1:1', context: 'extra' }, 'b');
    const conn = await connect({
      env: { KUBECONFIG: `${a}:${join(dir, 'missing')}:${b}`, HOME: dir },
      context: 'extra',
    });
    // 'extra' exists only in b; its cluster name 'replay' was defined first by a, so a's server wins
    expect(conn.server).toBe(server.url);
    conn.api.close();
    const dflt = await connect({ env: { KUBECONFIG: `${a}:${b}`, HOME: dir } });
    expect(dflt.context).toBe('other');
    dflt.api.close();
  });

  it('uses --context over current-context, and the context namespace', async () => {
    server = await startReplayServer({ objects: loadCapture() });
    const dir = mkdtempSync(join(tmpdir(), 'kt-ctx-'));
    const cfg = writeKubeconfig(dir, { server: server.url, context: 'replay', namespace: 'kube-system' });
    const conn = await connect({ kubeconfig: cfg, context: 'replay' });
    expect(conn).toMatchObject({ context: 'replay', namespace: 'kube-system', server: server.url, inCluster: false });
    conn.api.close();
    const other = await connect({ kubeconfig: cfg });
    expect(other.server).toBe('http://127.0.0.1:9');
    other.api.close();
  });
});
