import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractComponents } from '../../../model/components/extract.js';
import { flagOf, type ContainerdConfig, type FlagsConfig, type SysctlConfig } from '../../../model/components/types.js';
import type { ComponentConfigBase } from '../../../model/component-config.js';
import { readInputs } from '../read.js';
import { refOf, type Resource } from '../../../model/object.js';
import { Snapshot } from '../../../model/snapshot.js';
import { readFileSync } from 'node:fs';
import { componentLineMaps, subMap, yamlLineMap } from './line-map.js';
import { parseToml, TomlError } from './toml.js';
import yaml from 'js-yaml';

const TESTDATA = join(import.meta.dirname, 'testdata');
const MINIKUBE = new URL('../../../../../shared/data/configs/minikube-kubeadm/', import.meta.url).pathname;
const METRICS = new URL('../../../../../shared/data/metrics/', import.meta.url).pathname;

const lineOf = (c: ComponentConfigBase, path: readonly (string | number)[]) =>
  c.source?.lines?.get(JSON.stringify(path));

async function components(paths: string[]) {
  const read = await readInputs(paths);
  return { read, all: [...read.components, ...extractComponents(read.resources).components] };
}

describe('component file readers', () => {
  it('reads containerd v2 TOML with the line of each key', async () => {
    const { all, read } = await components([join(TESTDATA, 'config.toml')]);
    expect(read.diagnostics).toEqual([]);
    const c = all[0] as ContainerdConfig;
    expect(c).toMatchObject({
      component: 'containerd',
      version: 2,
      criRuntimePath: ['plugins', 'io.containerd.grpc.v1.cri'],
    });
    const systemd = [...c.criRuntimePath, 'containerd', 'runtimes', 'runc', 'options', 'SystemdCgroup'];
    expect(lineOf(c, systemd)).toBe(13);
    const mirrors = ['plugins', 'io.containerd.grpc.v1.cri', 'registry', 'mirrors', 'docker.io', 'endpoint'];
    expect(lineOf(c, mirrors)).toBe(15);
  });
  it('reads containerd v3 (literal-quoted tables)', async () => {
    const { all } = await components([join(TESTDATA, 'config-v3.toml')]);
    const c = all[0] as ContainerdConfig;
    expect(c.version).toBe(3);
    expect(lineOf(c, [...c.criImagesPath, 'registry', 'config_path'])).toBe(6);
  });
  it('reads sysctl files, slash keys and ignore-errors prefixes', async () => {
    const { all } = await components([join(TESTDATA, '99-kubernetes.conf')]);
    const s = all[0] as SysctlConfig;
    expect(s.entries.map((e) => [e.key, e.value, lineOf(s, e.path)])).toEqual([
      ['net.core.somaxconn', '4096', 2],
      ['vm.swappiness', '60', 4],
      ['net.ipv4.tcp_tw_reuse', '1', 5],
      ['net.ipv4.ip_local_port_range', '1024 65000', 6],
    ]);
  });
  it('reads kubelet flags of a systemd drop-in, continuation lines included', async () => {
    const { all } = await components([join(TESTDATA, '10-kubeadm.conf')]);
    const k = all[0] as FlagsConfig;
    expect(k.component).toBe('kubelet');
    expect(k.flags.map((f) => f.name)).toEqual([
      'bootstrap-kubeconfig',
      'kubeconfig',
      'config',
      'container-runtime',
      'max-pods',
    ]);
    expect(lineOf(k, flagOf(k, 'max-pods')!.path)).toBe(7);
    expect(lineOf(k, flagOf(k, 'config')!.path)).toBe(3);
  });
  it('reads kubeadm-flags.env and etcd environment files', async () => {
    const { all } = await components([join(TESTDATA, 'kubeadm-flags.env'), join(TESTDATA, 'etcd.env')]);
    const byName = Object.fromEntries(all.map((c) => [c.component, c as FlagsConfig]));
    expect(flagOf(byName['kubelet']!, 'pod-infra-container-image')?.value).toBe('registry.k8s.io/pause:3.10');
    expect(flagOf(byName['etcd']!, 'quota-backend-bytes')).toMatchObject({ value: '17179869184' });
    expect(lineOf(byName['etcd']!, ['ETCD_HEARTBEAT_INTERVAL'])).toBe(3);
  });
  it('reads Docker daemon.json', async () => {
    const { all } = await components([join(TESTDATA, 'daemon.json')]);
    expect(all[0]).toMatchObject({ component: 'docker', raw: { 'log-driver': 'json-file' } });
    expect(lineOf(all[0]!, ['registry-mirrors'])).toBe(4);
  });
  it('rejects bad TOML with its line', () => {
    expect(() => parseToml('a = 1\n[b\n')).toThrow(TomlError);
    try {
      parseToml('a = 1\nb = "x\n');
    } catch (e) {
      expect((e as TomlError).line).toBe(2);
    }
  });
});

describe('real configs', () => {
  const versions = readdirSync(MINIKUBE).sort();
  it.each(versions)('every minikube kubeadm file of %s parses into components', async (v) => {
    const dir = join(MINIKUBE, v);
    const { all, read } = await components([dir]);
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const files = readdirSync(dir);
    for (const f of files) {
      const mine = all.filter((c) => c.source?.file === join(dir, f)).map((c) => c.component);
      expect(mine, f).toEqual(
        expect.arrayContaining(['kube-apiserver', 'kube-scheduler', 'kubelet-config', 'kube-proxy-config']),
      );
    }
    const apiserver = all.find(
      (c) => c.component === 'kube-apiserver' && (c as FlagsConfig).flags.length > 0,
    ) as FlagsConfig;
    expect(lineOf(apiserver, flagOf(apiserver, 'enable-admission-plugins')!.path)).toBeGreaterThan(20);
  });
  it.each(['k8s-1.33', 'k8s-1.35'])('finds the control plane of the %s capture with lines', async (v) => {
    const { all } = await components([join(METRICS, v, 'pods.yaml')]);
    const kinds = new Set(all.map((c) => c.component));
    for (const k of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy'])
      expect(kinds).toContain(k);
    const etcd = all.find((c) => c.component === 'etcd') as FlagsConfig;
    const snap = flagOf(etcd, 'snapshot-count')!;
    expect(snap.value).toBe('10000');
    expect(lineOf(etcd, snap.path)).toBeGreaterThan(etcd.source!.line);
  });
});

describe('line maps of List items', () => {
  it('gives a static pod of a large List the same lines as a parse of the whole document', () => {
    const text = readFileSync(join(METRICS, 'k8s-1.35', 'pods.yaml'), 'utf8');
    const value = yaml.load(text) as { items: { metadata: { name: string; namespace: string } }[] };
    const maps = componentLineMaps(value, text, 1)!;
    const whole = yamlLineMap(text, 1);
    const index = value.items.findIndex((p) => p.metadata.name.startsWith('kube-apiserver'));
    const own = maps(['items', index])!;
    expect(own.size).toBeGreaterThan(50);
    expect(own).toEqual(subMap(whole, ['items', index]));
    const bulk = value.items.findIndex((p) => p.metadata.namespace !== 'kube-system');
    expect(bulk).toBeGreaterThanOrEqual(0);
    expect(maps(['items', bulk])).toBeUndefined();
  });
});

describe('component flags of workloads', () => {
  it('reads a listed DaemonSet once, not again from each of its pods; a static pod (owned by its Node) itself', () => {
    const container = {
      name: 'kube-proxy',
      image: 'registry.k8s.io/kube-proxy:v1.34.0',
      command: ['/usr/local/bin/kube-proxy', '--v=2'],
    };
    const ds = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-proxy', namespace: 'kube-system' },
      spec: { template: { spec: { containers: [container] } } },
    };
    const pod = (name: string, owner: { kind: string; name: string }) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'kube-system', uid: name, ownerReferences: [{ ...owner, controller: true }] },
      spec: { containers: [container] },
    });
    const resources = [
      ds,
      pod('kube-proxy-a', { kind: 'DaemonSet', name: 'kube-proxy' }),
      pod('kube-proxy-b', { kind: 'Node', name: 'n1' }),
    ].map((object) => ({ object, ref: refOf(object), source: { file: 'dump.json', line: 1 } }) as Resource);
    const snapshot = new Snapshot(resources);
    const names = (r: ReturnType<typeof extractComponents>) => r.components.map((c) => (c as FlagsConfig).ref?.name);
    expect(names(extractComponents(resources, (r) => snapshot.controllerOf(r)))).toEqual([
      'kube-proxy',
      'kube-proxy-b',
    ]);
    // Without the snapshot every workload is read.
    expect(names(extractComponents(resources))).toEqual(['kube-proxy', 'kube-proxy-a', 'kube-proxy-b']);
  });
});
