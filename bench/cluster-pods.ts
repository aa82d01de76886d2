/** Pods and pod templates of the synthetic cluster, shaped after `shared/data/metrics/k8s-1.35/pods.yaml`. */
import type { AppKind, DeploymentPlan, Obj, Rand } from './cluster-objects.js';

export const TS = '2026-06-26T10:12:19Z';

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
      return {
        livenessProbe: { ...base, tcpSocket: { port: app.port } },
        readinessProbe: { ...base, tcpSocket: { port: app.port }, periodSeconds: 5 },
      };
    case 'same':
      return { livenessProbe: { ...base, ...http }, readinessProbe: { ...base, ...http } };
    case 'slow':
      return {
        livenessProbe: { ...base, ...http, initialDelaySeconds: 120 },
        readinessProbe: { ...base, httpGet: { ...http.httpGet, path: '/ready' } },
      };
    case 'none':
      return {};
  }
}

const fieldRef = (name: string, fieldPath: string): Obj => ({
  name,
  valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } },
});

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

export function podSpec(p: DeploymentPlan, nodeName?: string): Obj {
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

export const labels = (p: DeploymentPlan): Obj => ({
  app: p.name,
  'app.kubernetes.io/part-of': p.namespace.replace(/-\d+$/, ''),
  tier: 'backend',
});

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
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          blockOwnerDeletion: true,
          controller: true,
          kind: 'ReplicaSet',
          name: `${p.name}-${p.hash}`,
          uid: p.rsUid,
        },
      ],
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
