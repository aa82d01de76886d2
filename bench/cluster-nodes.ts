/** Nodes and Namespaces of the synthetic cluster, shaped after `shared/data/metrics/k8s-1.35/{nodes,namespaces}.yaml`. */
import { APPS, type Obj, type Rand } from './cluster-objects.js';
import { TS } from './cluster-pods.js';

const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

export const nodeName = (i: number): string => `ip-10-0-${i >> 8}-${i & 255}.eu-west-1.compute.internal`;

export function node(i: number, r: Rand): Obj {
  const name = nodeName(i);
  const zone = ZONES[i % ZONES.length]!;
  const res = {
    cpu: '16',
    'ephemeral-storage': '194314260Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: '65023512Ki',
    pods: '110',
  };
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
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
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
    spec: {
      podCIDR: `10.${64 + (i >> 8)}.${i & 255}.0/24`,
      podCIDRs: [`10.${64 + (i >> 8)}.${i & 255}.0/24`],
      providerID: `aws:///${zone}/i-${r.hex(17)}`,
    },
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
    metadata: {
      creationTimestamp: TS,
      labels: { 'kubernetes.io/metadata.name': name },
      name,
      resourceVersion: '10',
      uid: r.uid(),
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}
