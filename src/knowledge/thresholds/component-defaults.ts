/**
 * Component defaults rules fall back to when a flag or field is unset, per release: etcd by etcd release (with the
 * Kubernetes minors that ship it), kube-apiserver and kube-controller-manager by Kubernetes minor, and runtime
 * defaults. Kubelet configuration defaults live in ../kubelet-config.ts (KUBELET_DEFAULTS).
 */
import { satisfies, type KubeVersion } from '../../core/version.js';

export interface EtcdDefaults {
  readonly etcd: string;
  /** Kubernetes minors whose kubeadm ships this etcd release. */
  readonly kubernetes: string;
  readonly snapshotCount: number;
  readonly heartbeatIntervalMs: number;
  readonly electionTimeoutMs: number;
  readonly source: string;
}

export const ETCD_DEFAULTS: readonly EtcdDefaults[] = [
  {
    etcd: '3.5',
    kubernetes: '<1.34',
    snapshotCount: 100000,
    heartbeatIntervalMs: 100,
    electionTimeoutMs: 1000,
    source: 'https://etcd.io/docs/v3.5/op-guide/configuration/',
  },
  {
    etcd: '3.6',
    kubernetes: '>=1.34',
    snapshotCount: 10000,
    heartbeatIntervalMs: 100,
    electionTimeoutMs: 1000,
    source: 'https://etcd.io/docs/v3.6/op-guide/configuration/ (3.6 lowered --snapshot-count to 10000)',
  },
];

export interface ApiServerDefaults {
  readonly kubernetes: string;
  readonly maxRequestsInflight: number;
  readonly maxMutatingRequestsInflight: number;
  readonly source: string;
}

export const APISERVER_DEFAULTS: readonly ApiServerDefaults[] = [
  {
    kubernetes: '>=1.25',
    maxRequestsInflight: 400,
    maxMutatingRequestsInflight: 200,
    source: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
  },
];

export interface ControllerManagerDefaults {
  readonly kubernetes: string;
  /** --node-cidr-mask-size for IPv4 single-stack clusters. */
  readonly nodeCidrMaskSizeIpv4: number;
  readonly source: string;
}

export const CONTROLLER_MANAGER_DEFAULTS: readonly ControllerManagerDefaults[] = [
  {
    kubernetes: '>=1.25',
    nodeCidrMaskSizeIpv4: 24,
    source: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/',
  },
];

/** Defaults and hard limits that do not change inside the supported range. */
export const FIXED_DEFAULTS = {
  /** ndots of the resolv.conf the kubelet writes for ClusterFirst pods. */
  podDnsNdots: 5,
  /** The kubelet refuses to start with containerLogMaxFiles below this. */
  kubeletContainerLogMaxFilesMin: 2,
  /** HotSpot -XX:MaxRAMPercentage default with container support (JDK 10+, 8u191+), as a share. */
  jvmDefaultHeapShare: 0.25,
  /** containerd 2.x ignores config files older than this `version`. */
  containerdMinConfigVersion: 2,
  /** kube-scheduler never stops searching before this many feasible nodes (minFeasibleNodesToFind). */
  schedulerMinFeasibleNodes: 100,
} as const;

export const FIXED_DEFAULT_SOURCES: Readonly<Record<keyof typeof FIXED_DEFAULTS, string>> = {
  podDnsNdots: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config',
  kubeletContainerLogMaxFilesMin: 'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/',
  jvmDefaultHeapShare: 'https://docs.oracle.com/en/java/javase/21/docs/specs/man/java.html (-XX:MaxRAMPercentage)',
  containerdMinConfigVersion: 'https://github.com/containerd/containerd/blob/main/docs/PLUGINS.md#version-header',
  schedulerMinFeasibleNodes: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduler-perf-tuning/',
};

const pick = <T extends { readonly kubernetes: string }>(list: readonly T[], v: KubeVersion): T =>
  list.find((d) => satisfies(v, d.kubernetes)) ?? list[list.length - 1]!;

export const etcdDefaultsFor = (v: KubeVersion): EtcdDefaults => pick(ETCD_DEFAULTS, v);
export const apiServerDefaultsFor = (v: KubeVersion): ApiServerDefaults => pick(APISERVER_DEFAULTS, v);
export const controllerManagerDefaultsFor = (v: KubeVersion): ControllerManagerDefaults =>
  pick(CONTROLLER_MANAGER_DEFAULTS, v);
