/** Data for the replay server: the real k8s-1.35 captures, generated large clusters, and kubeconfigs pointing at it. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Collection, ReplayObject } from './replay-server.js';

export const K8S_135 = new URL('../../../shared/data/metrics/k8s-1.35/', import.meta.url).pathname;

/** Items of the real cluster capture (pods, nodes, services, endpoints, namespaces), as the API server listed them. */
export function loadCapture(dir = K8S_135): ReplayObject[] {
  return ['namespaces', 'nodes', 'pods', 'services', 'endpoints'].flatMap((f) => {
    const list = yaml.load(readFileSync(join(dir, `${f}.yaml`), 'utf8')) as { items: ReplayObject[] };
    return list.items;
  });
}

/** The capture's API server /metrics scrape (real text format). */
export const loadApiServerMetrics = (dir = K8S_135): string =>
  readFileSync(join(dir, 'controlplane/api-server/metrics'), 'utf8');

const pad = (n: number, w = 6): string => String(n).padStart(w, '0');

export interface GeneratedShape {
  readonly nodes: number;
  readonly pods: number;
  readonly namespaces?: number;
  readonly podsPerDeployment?: number;
  readonly pools?: number;
}

/**
 * A large cluster as virtual collections: item i is built on demand, in namespace/name order as etcd lists them.
 * Pods carry managedFields and a last-applied annotation like real ones, so trimming is exercised.
 */
export function generateCluster(shape: GeneratedShape): Record<string, Collection> {
  const nsCount = shape.namespaces ?? 100;
  const perDeploy = shape.podsPerDeployment ?? 10;
  const pools = shape.pools ?? 5;
  const deployments = Math.ceil(shape.pods / perDeploy);
  const deploysPerNs = Math.ceil(deployments / nsCount);
  const nsOf = (d: number): string => `ns-${pad(Math.floor(d / deploysPerNs), 4)}`;
  const depName = (d: number): string => `app-${pad(d)}`;
  return {
    '/v1/namespaces': {
      size: nsCount,
      at: (i) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${pad(i, 4)}`, uid: `ns-${i}` } }),
    },
    '/v1/nodes': { size: shape.nodes, at: (i) => node(i, pools) },
    '/v1/pods': {
      size: deployments * perDeploy > shape.pods ? shape.pods : deployments * perDeploy,
      at: (i) => pod(i, { perDeploy, nsOf, depName, nodes: shape.nodes }),
    },
    'apps/v1/deployments': { size: deployments, at: (d) => deployment(d, nsOf(d), depName(d), perDeploy) },
    'apps/v1/replicasets': { size: deployments, at: (d) => replicaSet(d, nsOf(d), depName(d), perDeploy) },
  };
}

function node(i: number, pools: number): ReplayObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: `node-${pad(i)}`,
      uid: `node-${i}`,
      labels: {
        'kubernetes.io/hostname': `node-${pad(i)}`,
        'cloud.google.com/gke-nodepool': `pool-${i % pools}`,
        'node.kubernetes.io/instance-type': 'n2-standard-16',
      },
    },
    spec: { podCIDR: `10.${(i >> 8) & 255}.${i & 255}.0/24` },
    status: {
      capacity: { cpu: '16', memory: '65843012Ki', pods: '110', 'ephemeral-storage': '101430960Ki' },
      allocatable: { cpu: '15890m', memory: '61394756Ki', pods: '110', 'ephemeral-storage': '93478772582' },
      conditions: [
        { type: 'Ready', status: 'True', reason: 'KubeletReady', lastTransitionTime: '2026-06-26T10:12:11Z' },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.35.0',
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.8.0',
        osImage: 'Ubuntu 24.04',
      },
    },
  };
}

const container = (name: string, cpu: string, mem: string) => ({
  name,
  image: `registry.example.com/${name}:1.4.2`,
  ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
  env: [
    { name: 'LOG_LEVEL', value: 'info' },
    { name: 'DB_PASSWORD', value: 'hunter2-not-a-real-secret' },
  ],
  resources: { requests: { cpu, memory: mem }, limits: { memory: mem } },
  readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 5 },
  livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10, failureThreshold: 3 },
});

interface PodShape {
  readonly perDeploy: number;
  readonly nsOf: (d: number) => string;
  readonly depName: (d: number) => string;
  readonly nodes: number;
}

function pod(i: number, { perDeploy, nsOf, depName, nodes }: PodShape): ReplayObject {
  const d = Math.floor(i / perDeploy);
  const name = `${depName(d)}-5d8f9c7b6-${pad(i)}`;
  const labels = { app: depName(d), 'pod-template-hash': '5d8f9c7b6' };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: nsOf(d),
      uid: `pod-${i}`,
      resourceVersion: String(5000 + i),
      creationTimestamp: '2026-06-26T10:20:00Z',
      labels,
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ metadata: { name, labels } }),
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: `${depName(d)}-5d8f9c7b6`,
          uid: `rs-${d}`,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      managedFields: [
        {
          manager: 'kube-controller-manager',
          operation: 'Update',
          apiVersion: 'v1',
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:metadata': { 'f:labels': {} } },
        },
      ],
    },
    spec: {
      nodeName: `node-${pad(i % nodes)}`,
      containers: [container('app', '250m', '256Mi'), container('sidecar', '50m', '64Mi')],
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: {
      phase: 'Running',
      qosClass: 'Burstable',
      podIP: `10.1.${(i >> 8) & 255}.${i & 255}`,
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-06-26T10:20:05Z' }],
      containerStatuses: [
        {
          name: 'app',
          ready: true,
          restartCount: i % 7 === 0 ? 3 : 0,
          image: 'registry.example.com/app:1.4.2',
          started: true,
        },
        { name: 'sidecar', ready: true, restartCount: 0, image: 'registry.example.com/sidecar:1.4.2', started: true },
      ],
    },
  };
}

const template = (app: string) => ({
  metadata: { labels: { app } },
  spec: { containers: [container('app', '250m', '256Mi'), container('sidecar', '50m', '64Mi')] },
});

function deployment(d: number, namespace: string, name: string, replicas: number): ReplayObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, uid: `dep-${d}`, labels: { app: name } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: template(name) },
    status: { replicas, readyReplicas: replicas },
  };
}

function replicaSet(d: number, namespace: string, name: string, replicas: number): ReplayObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${name}-5d8f9c7b6`,
      namespace,
      uid: `rs-${d}`,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: `dep-${d}`, controller: true }],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: name, 'pod-template-hash': '5d8f9c7b6' } },
      template: template(name),
    },
  };
}

export interface KubeconfigSpec {
  readonly server: string;
  readonly context?: string;
  readonly token?: string;
  /** A user whose token comes from an exec plugin: `command` `args`. */
  readonly exec?: { readonly command: string; readonly args: readonly string[] };
  readonly oidcIdToken?: string;
  readonly namespace?: string;
}

/** Writes a kubeconfig for the replay server (plain HTTP, so insecure-skip-tls-verify as client-node requires). */
export function writeKubeconfig(dir: string, spec: KubeconfigSpec, file = 'kubeconfig'): string {
  const ctx = spec.context ?? 'replay';
  const user: Record<string, unknown> = {};
  if (spec.token) user['token'] = spec.token;
  if (spec.exec)
    user['exec'] = {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: spec.exec.command,
      args: [...spec.exec.args],
      interactiveMode: 'Never',
    };
  if (spec.oidcIdToken)
    user['auth-provider'] = {
      name: 'oidc',
      config: { 'id-token': spec.oidcIdToken, 'client-id': 'kubetune', 'idp-issuer-url': 'https://issuer.invalid' },
    };
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'replay', cluster: { server: spec.server, 'insecure-skip-tls-verify': true } },
      { name: 'nowhere', cluster: { server: 'http://127.0.0.1:9', 'insecure-skip-tls-verify': true } },
    ],
    users: [{ name: 'replay-user', user }],
    contexts: [
      {
        name: ctx,
        context: { cluster: 'replay', user: 'replay-user', ...(spec.namespace ? { namespace: spec.namespace } : {}) },
      },
      { name: 'other', context: { cluster: 'nowhere', user: 'replay-user' } },
    ],
    'current-context': spec.context === undefined ? ctx : 'other',
  };
  const path = join(dir, file);
  writeFileSync(path, yaml.dump(doc));
  return path;
}
