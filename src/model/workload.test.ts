import { describe, expect, it } from 'vitest';
import { refOf, type KubeObject } from './object.js';
import { Snapshot } from './snapshot.js';
import { matchesSelector, parseSelector } from './selector.js';
import { toWorkload } from './workload.js';

const res = (requests?: Record<string, string>, limits?: Record<string, string>) => ({
  ...(requests ? { requests } : {}),
  ...(limits ? { limits } : {}),
});
const pod = (
  containers: unknown[],
  initContainers: unknown[] = [],
  extra: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'ns' },
  spec: { containers, initContainers, ...extra },
});
const qos = (o: KubeObject) => toWorkload({ object: o, ref: refOf(o) })!.qosClass;
const c = (name: string, resources?: unknown) => ({ name, image: 'x:1', ...(resources ? { resources } : {}) });

// Cases follow kubernetes/kubernetes pkg/apis/core/helper/qos/qos_test.go (TestComputePodQOS), on defaulted specs.
describe('QoS class as Kubernetes computes it', () => {
  it('BestEffort without resources, or with only resources other than cpu/memory', () => {
    expect(qos(pod([c('a'), c('b')]))).toBe('BestEffort');
    expect(qos(pod([c('a', res({ 'nvidia.com/gpu': '1' }, { 'nvidia.com/gpu': '1' }))]))).toBe('BestEffort');
    expect(qos(pod([c('a', res({ cpu: '0', memory: '0' }))]))).toBe('BestEffort');
  });
  it('Guaranteed when every container limits cpu and memory and requests equal limits (or default to them)', () => {
    expect(qos(pod([c('a', res({ cpu: '100m', memory: '100Mi' }, { cpu: '100m', memory: '100Mi' }))]))).toBe(
      'Guaranteed',
    );
    expect(
      qos(
        pod([
          c('a', res(undefined, { cpu: '100m', memory: '100Mi' })),
          c('b', res(undefined, { cpu: '1', memory: '1Gi' })),
        ]),
      ),
    ).toBe('Guaranteed');
    expect(qos(pod([c('a', res(undefined, { cpu: '0.1', memory: '100Mi' }))]))).toBe('Guaranteed');
  });
  it('Burstable otherwise', () => {
    expect(qos(pod([c('a', res({ cpu: '100m' }))]))).toBe('Burstable');
    expect(qos(pod([c('a', res({ cpu: '100m', memory: '100Mi' }, { cpu: '200m', memory: '100Mi' }))]))).toBe(
      'Burstable',
    );
    expect(qos(pod([c('a', res(undefined, { cpu: '100m', memory: '100Mi' })), c('b')]))).toBe('Burstable');
    expect(qos(pod([c('a', res(undefined, { memory: '100Mi' }))]))).toBe('Burstable');
  });
  it('counts init containers and ignores ephemeral containers', () => {
    const guaranteed = res(undefined, { cpu: '100m', memory: '100Mi' });
    expect(qos(pod([c('a', guaranteed)], [c('init')]))).toBe('Burstable');
    expect(qos(pod([c('a', guaranteed)], [c('init', guaranteed)]))).toBe('Guaranteed');
    expect(qos(pod([c('a', guaranteed)], [], { ephemeralContainers: [c('debug')] }))).toBe('Guaranteed');
  });
});

describe('Workload view', () => {
  it('finds the pod spec of every kind and reports replicas and lifetimes', () => {
    const cron: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'r' },
      spec: {
        jobTemplate: {
          spec: { parallelism: 4, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [c('x')] } } },
        },
      },
    };
    const w = toWorkload({ object: cron, ref: refOf(cron) })!;
    expect(w.containers[0]!.path).toEqual(['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0]);
    expect(w.replicas).toBe(4);
    expect(w.isLongRunning).toBe(false);
    expect(w.podLabels).toEqual({ a: 'b' });
    expect(w.namespace).toBe('default');
    const ds: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'd' },
      spec: { template: { spec: { containers: [] } } },
    };
    expect(toWorkload({ object: ds, ref: refOf(ds) })!.replicas).toBeUndefined();
    expect(
      toWorkload({ object: { apiVersion: 'v1', kind: 'Service' }, ref: refOf({ apiVersion: 'v1', kind: 'Service' }) }),
    ).toBeUndefined();
  });
  it('recognises native sidecars and parses resources once', () => {
    const p = pod(
      [c('app', res({ cpu: '250m', memory: '1Gi' }))],
      [{ ...c('proxy', res({ cpu: '50m' })), restartPolicy: 'Always' }, c('init')],
    );
    const w = toWorkload({ object: p, ref: refOf(p) })!;
    expect(w.runningContainers.map((x) => x.name)).toEqual(['app', 'proxy']);
    expect(w.containers[0]!.cpu).toEqual({ request: 250, effectiveRequest: 250 });
    expect(w.containers[0]!.memory.request).toBe(1024 ** 3);
  });
});

describe('Snapshot', () => {
  const deploy: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [c('w')] } },
    },
  };
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-1',
      namespace: 'shop',
      ownerReferences: [{ kind: 'Deployment', name: 'web', controller: true }],
    },
    spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [c('w')] } } },
  };
  const orphan: KubeObject = {
    ...pod([c('x')]),
    metadata: { name: 'lone', namespace: 'shop', ownerReferences: [{ kind: 'ReplicaSet', name: 'gone' }] },
  };
  const s = new Snapshot([deploy, rs, orphan].map((o) => ({ object: o, ref: refOf(o) })));
  it('indexes by kind, namespace and name', () => {
    expect(s.byKind('Deployment')).toHaveLength(1);
    expect(s.inNamespace('shop')).toHaveLength(3);
    expect(s.get('ReplicaSet', 'shop', 'web-1')?.ref.name).toBe('web-1');
    expect(s.kinds).toEqual(['Deployment', 'Pod', 'ReplicaSet']);
  });
  it('keeps top-level workloads only (owners present in the snapshot win)', () => {
    expect(s.allWorkloads.map((w) => w.name)).toEqual(['web', 'web-1', 'lone']);
    expect(s.workloads.map((w) => w.name)).toEqual(['web', 'lone']);
  });
  it('matches label selectors with Kubernetes semantics', () => {
    expect(s.workloadsMatching('shop', { matchLabels: { tier: 'fe' } }).map((w) => w.name)).toEqual(['web']);
    const sel = parseSelector({
      matchExpressions: [
        { key: 'app', operator: 'NotIn', values: ['web'] },
        { key: 'tier', operator: 'DoesNotExist' },
      ],
    })!;
    expect(matchesSelector(sel, { app: 'api' })).toBe(true);
    expect(matchesSelector(sel, { app: 'web' })).toBe(false);
    expect(matchesSelector(sel, { app: 'api', tier: 'x' })).toBe(false);
    expect(matchesSelector(parseSelector({ app: 'web' })!, { app: 'web', x: 'y' })).toBe(true);
  });
});
