/**
 * Builders for a synthetic but realistic cluster snapshot, shaped after the real objects in
 * `shared/data/metrics/k8s-1.35/{pods,nodes,services}.yaml` (kubectl output of a 1.35 cluster):
 * Pods with env fieldRefs, probes, projected service-account volumes, default tolerations and a full
 * status; Nodes with capacity, conditions, images and nodeInfo. Deterministic for a given seed.
 */
export type Obj = Record<string, unknown>;

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
interface AppKind {
  readonly image: string;
  readonly port: number;
  readonly cpu?: readonly [string, string | undefined];
  readonly memory?: readonly [string, string | undefined];
  readonly probe: 'http' | 'tcp' | 'same' | 'slow' | 'none';
  readonly sidecar?: boolean;
}

const APPS: readonly AppKind[] = [
  { image: 'registry.example.com/shop/api:2.14.3', port: 8080, cpu: ['250m', '500m'], memory: ['512Mi', '1Gi'], probe: 'http' },
  { image: 'registry.example.com/shop/web:1.9.0', port: 3000, cpu: ['100m', '200m'], memory: ['256Mi', '512Mi'], probe: 'http', sidecar: true },
  { image: 'registry.example.com/billing/worker:5.2.1', port: 9090, cpu: ['500m', '1'], memory: ['1Gi', '2Gi'], probe: 'tcp' },
  { image: 'docker.io/library/redis:7.2.4', port: 6379, cpu: ['200m', '400m'], memory: ['256Mi', '512Mi'], probe: 'tcp' },
  { image: 'registry.example.com/search/indexer:3.1.0', port: 8080, cpu: ['1', '2'], memory: ['2Gi', '4Gi'], probe: 'slow' },
  { image: 'registry.example.com/ml/scorer:latest', port: 8000, cpu: ['500m', undefined], memory: ['1Gi', undefined], probe: 'same' },
  { image: 'nginx', port: 80, probe: 'none' },
  { image: 'k8s.gcr.io/echoserver:1.10', port: 8080, cpu: ['50m', '500m'], memory: ['64Mi', '64Mi'], probe: 'http' },
];

const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const TEAMS = ['shop', 'billing', 'search', 'ml', 'platform', 'identity', 'payments', 'catalog'];
const TS = '2026-06-26T10:12:19Z';

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

const resources = (app: AppKind): Obj => {
  const requests: Obj = {};
  const limits: Obj = {};
  if (app.cpu) requests['cpu'] = app.cpu[0];
  if (app.cpu?.[1]) limits['cpu'] = app.cpu[1];
  if (app.memory) requests['memory'] = app.memory[0];
  if (app.memory?.[1]) limits['memory'] = app.memory[1];
  const out: Obj = {};
  if (Object.keys(limits).length > 0) out['limits'] = limits;
  if (Object.keys(requests).length > 0) out['requests'] = requests;
  return out;
};

function probes(app: AppKind): Obj {
  const http = { httpGet: { path: '/healthz', port: app.port, scheme: 'HTTP' } };
  const base = { failureThreshold: 3, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 };
  switch (app.probe) {
    case 'http':
      return {
        livenessProbe: { ...base, httpGet: { ...http.httpGet, path: '/livez' }, initialDelaySeconds: 10 },
        readinessProbe: { ...base, httpGet: { ...http.httpGet, path: '/readyz' }, periodSeconds: 5 },
      };
    case 'tcp':
      return { livenessProbe: { ...base, tcpSocket: { port: app.port } }, readinessProbe: { ...base, tcpSocket: { port: app.port }, periodSeconds: 5 } };
    case 'same':
      return { livenessProbe: { ...base, ...http }, readinessProbe: { ...base, ...http } };
    case 'slow':
      return { livenessProbe: { ...base, ...http, initialDelaySeconds: 120 }, readinessProbe: { ...base, httpGet: { ...http.httpGet, path: '/ready' } } };
    case 'none':
      return {};
  }
}

const fieldRef = (name: string, fieldPath: string): Obj => ({ name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } });

function container(p: DeploymentPlan, withStatus: boolean): Obj {
  return {
    env: [
      fieldRef('POD_NAME', 'metadata.name'),
      fieldRef('POD_IP', 'status.podIP'),
      { name: 'LOG_LEVEL', value: 'info' },
    ],
    image: p.app.image,
    imagePullPolicy: 'IfNotPresent',
    ...probes(p.app),
    name: 'app',
    ports: [{ containerPort: p.app.port, name: 'http', protocol: 'TCP' }],
    resources: resources(p.app),
    ...(withStatus ? { volumeMounts: [{ mountPath: '/etc/app', name: 'config', readOnly: true }] } : {}),
  };
}

const sidecar = (): Obj => ({
  image: 'docker.io/envoyproxy/envoy:v1.31.2',
  imagePullPolicy: 'IfNotPresent',
  name: 'envoy',
  ports: [{ containerPort: 15001, name: 'proxy', protocol: 'TCP' }],
  resources: { limits: { cpu: '200m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
});

function podSpec(p: DeploymentPlan, nodeName?: string): Obj {
  const containers = [container(p, nodeName !== undefined)];
  if (p.app.sidecar) containers.push(sidecar());
  const spec: Obj = {
    containers,
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    serviceAccountName: p.name,
    terminationGracePeriodSeconds: 30,
  };
  if (nodeName === undefined) return spec;
  spec['volumes'] = [{ configMap: { defaultMode: 420, name: `${p.name}-config` }, name: 'config' }];
  return {
    ...spec,
    nodeName,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    serviceAccount: p.name,
    tolerations: [
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ],
  };
}

const labels = (p: DeploymentPlan): Obj => ({ app: p.name, 'app.kubernetes.io/part-of': p.namespace.replace(/-\d+$/, ''), tier: 'backend' });

export function deployment(p: DeploymentPlan): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { annotations: { 'deployment.kubernetes.io/revision': '1' }, creationTimestamp: TS, generation: 1, labels: labels(p), name: p.name, namespace: p.namespace, resourceVersion: '1001', uid: p.uid },
    spec: {
      progressDeadlineSeconds: 600,
      replicas: p.replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: p.name } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: { metadata: { labels: labels(p) }, spec: podSpec(p) },
    },
    status: { availableReplicas: p.replicas, observedGeneration: 1, readyReplicas: p.replicas, replicas: p.replicas, updatedReplicas: p.replicas },
  };
}

export function replicaSet(p: DeploymentPlan): Obj {
  const owner = { apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'Deployment', name: p.name, uid: p.uid };
  const podLabels = { ...labels(p), 'pod-template-hash': p.hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { creationTimestamp: TS, generation: 1, labels: podLabels, name: `${p.name}-${p.hash}`, namespace: p.namespace, ownerReferences: [owner], resourceVersion: '1002', uid: p.rsUid },
    spec: { replicas: p.replicas, selector: { matchLabels: { app: p.name, 'pod-template-hash': p.hash } }, template: { metadata: { labels: podLabels }, spec: podSpec(p) } },
    status: { availableReplicas: p.replicas, fullyLabeledReplicas: p.replicas, observedGeneration: 1, readyReplicas: p.replicas, replicas: p.replicas },
  };
}

export function service(p: DeploymentPlan, r: Rand): Obj {
  const ip = `10.96.${r.int(256)}.${r.int(256)}`;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { creationTimestamp: TS, labels: labels(p), name: p.name, namespace: p.namespace, resourceVersion: '1003', uid: r.uid() },
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

const condition = (type: string, at: string): Obj => ({ lastTransitionTime: at, status: 'True', type });

function containerStatus(c: Obj, r: Rand): Obj {
  return {
    containerID: `containerd://${r.hex(64)}`,
    image: c['image'],
    imageID: `sha256:${r.hex(64)}`,
    lastState: {},
    name: c['name'],
    ready: true,
    restartCount: r.int(10) === 0 ? 1 + r.int(4) : 0,
    started: true,
    state: { running: { startedAt: '2026-06-26T10:12:40Z' } },
  };
}

export function pod(p: DeploymentPlan, i: number, node: string, r: Rand): Obj {
  const suffix = r.hex(5).replace(/[0-9]/g, (d) => 'bcdfghjklm'[Number(d)]!);
  const podIp = `10.${64 + r.int(64)}.${r.int(256)}.${r.int(256)}`;
  const hostIp = `192.168.${r.int(20)}.${r.int(256)}`;
  const spec = podSpec(p, node);
  const at = '2026-06-26T10:12:40Z';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: TS,
      generateName: `${p.name}-${p.hash}-`,
      generation: 1,
      labels: { ...labels(p), 'pod-template-hash': p.hash },
      name: `${p.name}-${p.hash}-${suffix}${i}`,
      namespace: p.namespace,
      ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'ReplicaSet', name: `${p.name}-${p.hash}`, uid: p.rsUid }],
      resourceVersion: String(2000 + r.int(1e6)),
      uid: r.uid(),
    },
    spec,
    status: {
      conditions: ['Initialized', 'Ready', 'PodScheduled'].map((t) => condition(t, at)),
      containerStatuses: (spec['containers'] as Obj[]).map((c) => containerStatus(c, r)),
      hostIP: hostIp,
      observedGeneration: 1,
      phase: 'Running',
      podIP: podIp,
      qosClass: p.app.cpu || p.app.memory ? 'Burstable' : 'BestEffort',
      startTime: '2026-06-26T10:12:39Z',
    },
  };
}

export const nodeName = (i: number): string => `ip-10-0-${i >> 8}-${i & 255}.eu-west-1.compute.internal`;

export function node(i: number, r: Rand): Obj {
  const name = nodeName(i);
  const zone = ZONES[i % ZONES.length]!;
  const res = { cpu: '16', 'ephemeral-storage': '194314260Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '65023512Ki', pods: '110' };
  const cond = (type: string, status: string, reason: string, message: string): Obj => ({
    lastHeartbeatTime: '2026-06-26T10:14:15Z',
    lastTransitionTime: '2026-06-26T10:12:10Z',
    message,
    reason,
    status,
    type,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
      creationTimestamp: TS,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/instance-type': 'm6i.4xlarge',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': 'm6i.4xlarge',
        'topology.kubernetes.io/region': 'eu-west-1',
        'topology.kubernetes.io/zone': zone,
      },
      name,
      resourceVersion: String(500 + i),
      uid: r.uid(),
    },
    spec: { podCIDR: `10.${64 + (i >> 8)}.${i & 255}.0/24`, podCIDRs: [`10.${64 + (i >> 8)}.${i & 255}.0/24`], providerID: `aws:///${zone}/i-${r.hex(17)}` },
    status: {
      addresses: [
        { address: `10.0.${i >> 8}.${i & 255}`, type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: { ...res, cpu: '15890m', memory: '63876632Ki' },
      capacity: res,
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: APPS.map((a) => ({ names: [`${a.image}`], sizeBytes: 20_000_000 + r.int(300_000_000) })),
      nodeInfo: {
        architecture: 'amd64',
        bootID: r.uid(),
        containerRuntimeVersion: 'containerd://2.2.1',
        kernelVersion: '6.1.119-129.201.amzn2023.x86_64',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.35.0',
        machineID: r.hex(32),
        operatingSystem: 'linux',
        osImage: 'Amazon Linux 2023.6.20241212',
        systemUUID: r.uid(),
      },
    },
  };
}

export function namespace(name: string, r: Rand): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { creationTimestamp: TS, labels: { 'kubernetes.io/metadata.name': name }, name, resourceVersion: '10', uid: r.uid() },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}
