/**
 * Builders for a synthetic but realistic cluster snapshot, shaped after the real objects in
 * `shared/data/metrics/k8s-1.35/{pods,nodes,services}.yaml` (kubectl output of a 1.35 cluster):
 * Pods with env fieldRefs, probes, projected service-account volumes, default tolerations and a full
 * status; Nodes with capacity, conditions, images and nodeInfo. Deterministic for a given seed.
 */
import { labels, podSpec, TS } from './cluster-pods.js';

export type Obj = Record<string, unknown>;

/** The seeded generator of src/core (mulberry32). */
import { seededRandom as prng } from '../src/core/random.js';
export { prng };

export interface Rand {
  readonly next: () => number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  hex(n: number): string;
  uid(): string;
}

export function rand(seed: number): Rand {
  const next = prng(seed);
  const int = (n: number) => Math.floor(next() * n);
  const hex = (n: number) => {
    let s = '';
    while (s.length < n) s += ((next() * 0x100000000) >>> 0).toString(16).padStart(8, '0');
    return s.slice(0, n);
  };
  return {
    next,
    int,
    pick: (xs) => xs[int(xs.length)]!,
    hex,
    uid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
  };
}

/** A kind of application: image, ports, probes, resources. Some carry the problems the rules look for. */
export interface AppKind {
  readonly image: string;
  readonly port: number;
  readonly cpu?: readonly [string, string | undefined];
  readonly memory?: readonly [string, string | undefined];
  readonly probe: 'http' | 'tcp' | 'same' | 'slow' | 'none';
  readonly sidecar?: boolean;
}

export const APPS: readonly AppKind[] = [
  {
    image: 'registry.example.com/shop/api:2.14.3',
    port: 8080,
    cpu: ['250m', '500m'],
    memory: ['512Mi', '1Gi'],
    probe: 'http',
  },
  {
    image: 'registry.example.com/shop/web:1.9.0',
    port: 3000,
    cpu: ['100m', '200m'],
    memory: ['256Mi', '512Mi'],
    probe: 'http',
    sidecar: true,
  },
  {
    image: 'registry.example.com/billing/worker:5.2.1',
    port: 9090,
    cpu: ['500m', '1'],
    memory: ['1Gi', '2Gi'],
    probe: 'tcp',
  },
  {
    image: 'docker.io/library/redis:7.2.4',
    port: 6379,
    cpu: ['200m', '400m'],
    memory: ['256Mi', '512Mi'],
    probe: 'tcp',
  },
  {
    image: 'registry.example.com/search/indexer:3.1.0',
    port: 8080,
    cpu: ['1', '2'],
    memory: ['2Gi', '4Gi'],
    probe: 'slow',
  },
  {
    image: 'registry.example.com/ml/scorer:latest',
    port: 8000,
    cpu: ['500m', undefined],
    memory: ['1Gi', undefined],
    probe: 'same',
  },
  { image: 'nginx', port: 80, probe: 'none' },
  { image: 'k8s.gcr.io/echoserver:1.10', port: 8080, cpu: ['50m', '500m'], memory: ['64Mi', '64Mi'], probe: 'http' },
];

const TEAMS = ['shop', 'billing', 'search', 'ml', 'platform', 'identity', 'payments', 'catalog'];

export interface DeploymentPlan {
  readonly namespace: string;
  readonly name: string;
  readonly app: AppKind;
  readonly replicas: number;
  readonly uid: string;
  readonly rsUid: string;
  readonly hash: string;
}

/** Deployments (and their one ReplicaSet each) whose replicas add up to exactly `pods`. */
export function planDeployments(pods: number, r: Rand): DeploymentPlan[] {
  const plans: DeploymentPlan[] = [];
  const sizes = [1, 2, 2, 3, 3, 3, 5, 6, 10, 12, 20, 40];
  for (let left = pods, i = 0; left > 0; i++) {
    const replicas = Math.min(left, r.pick(sizes));
    left -= replicas;
    const team = r.pick(TEAMS);
    plans.push({
      namespace: `${team}-${i % 97}`,
      name: `${team}-svc-${i}`,
      app: APPS[i % APPS.length]!,
      replicas,
      uid: r.uid(),
      rsUid: r.uid(),
      hash: r.hex(10).replace(/[0-9]/g, (d) => 'bcdfghjklm'[Number(d)]!),
    });
  }
  return plans;
}

export function deployment(p: DeploymentPlan): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      annotations: { 'deployment.kubernetes.io/revision': '1' },
      creationTimestamp: TS,
      generation: 1,
      labels: labels(p),
      name: p.name,
      namespace: p.namespace,
      resourceVersion: '1001',
      uid: p.uid,
    },
    spec: {
      progressDeadlineSeconds: 600,
      replicas: p.replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: p.name } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: { metadata: { labels: labels(p) }, spec: podSpec(p) },
    },
    status: {
      availableReplicas: p.replicas,
      observedGeneration: 1,
      readyReplicas: p.replicas,
      replicas: p.replicas,
      updatedReplicas: p.replicas,
    },
  };
}

export function replicaSet(p: DeploymentPlan): Obj {
  const owner = {
    apiVersion: 'apps/v1',
    blockOwnerDeletion: true,
    controller: true,
    kind: 'Deployment',
    name: p.name,
    uid: p.uid,
  };
  const podLabels = { ...labels(p), 'pod-template-hash': p.hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      creationTimestamp: TS,
      generation: 1,
      labels: podLabels,
      name: `${p.name}-${p.hash}`,
      namespace: p.namespace,
      ownerReferences: [owner],
      resourceVersion: '1002',
      uid: p.rsUid,
    },
    spec: {
      replicas: p.replicas,
      selector: { matchLabels: { app: p.name, 'pod-template-hash': p.hash } },
      template: { metadata: { labels: podLabels }, spec: podSpec(p) },
    },
    status: {
      availableReplicas: p.replicas,
      fullyLabeledReplicas: p.replicas,
      observedGeneration: 1,
      readyReplicas: p.replicas,
      replicas: p.replicas,
    },
  };
}

export function service(p: DeploymentPlan, r: Rand): Obj {
  const ip = `10.96.${r.int(256)}.${r.int(256)}`;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      creationTimestamp: TS,
      labels: labels(p),
      name: p.name,
      namespace: p.namespace,
      resourceVersion: '1003',
      uid: r.uid(),
    },
    spec: {
      clusterIP: ip,
      clusterIPs: [ip],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: p.app.port }],
      selector: { app: p.name },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  };
}
