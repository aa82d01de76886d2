import { compareVersions, formatKubeVersion, parseKubeVersion, type KubeVersion } from '../../core/version.js';
import { GIB } from '../../core/numbers.js';
import type { CapacityTier } from '../../knowledge/capacity.js';
import { PROFILES } from '../../knowledge/thresholds/catalogue.js';

const atLeast = (v: KubeVersion, s: string) => compareVersions(v, parseKubeVersion(s)!) >= 0;
/** Plans follow the guide profile. */
const T = PROFILES.guide;

export const SCHEDULER_CONFIG_PATH = '/etc/kubernetes/scheduler-config.yaml';

type Args = Record<string, string>;

/** kubeadm writes extraArgs as a map up to v1beta3 and as a name/value list from v1beta4 (Kubernetes 1.31). */
const extraArgs = (v: KubeVersion, args: Args): unknown =>
  atLeast(v, '1.31') ? Object.entries(args).map(([name, value]) => ({ name, value })) : args;

export function apiServerArgs(tier: CapacityTier): Args {
  return {
    'max-requests-inflight': String(tier.maxRequestsInflight),
    'max-mutating-requests-inflight': String(tier.maxMutatingRequestsInflight),
    profiling: 'false',
    ...(tier.apiServerReplicas.min > 1 ? { 'goaway-chance': '0.001' } : {}),
    ...(tier.separateEventsEtcd
      ? { 'etcd-servers-overrides': '/events#https://etcd-events.kube-system.svc:2379' }
      : {}),
  };
}

export function controllerManagerArgs(tier: CapacityTier): Args {
  const syncs = String(tier.concurrentSyncs);
  return {
    profiling: 'false',
    'kube-api-qps': String(tier.clientQps),
    'kube-api-burst': String(tier.clientBurst),
    'concurrent-deployment-syncs': syncs,
    'concurrent-replicaset-syncs': syncs,
    'concurrent-statefulset-syncs': syncs,
    'concurrent-service-endpoint-syncs': syncs,
    'concurrent-gc-syncs': String(Math.max(T.planConcurrentGcSyncsMin, tier.concurrentSyncs)),
  };
}

export function etcdArgs(tier: CapacityTier): Args {
  const multiSite = tier.name === 'ultra';
  return {
    'quota-backend-bytes': String(tier.etcdQuotaGiB * GIB),
    'auto-compaction-mode': 'periodic',
    'auto-compaction-retention': '1h',
    'snapshot-count': String(T.etcdSnapshotCount),
    'heartbeat-interval': String(multiSite ? T.planEtcdMultiSiteHeartbeatMs : T.planEtcdHeartbeatMs),
    'election-timeout': String(multiSite ? T.planEtcdMultiSiteElectionMs : T.planEtcdElectionMs),
    ...(tier.nodes.min > T.etcdWalDirMinNodes ? { 'wal-dir': '/var/lib/etcd-wal' } : {}),
  };
}

/** kubeadm ClusterConfiguration with the tuned arguments of every control-plane component. */
export function clusterConfiguration(tier: CapacityTier, v: KubeVersion): Record<string, unknown> {
  const apiVersion = atLeast(v, '1.31') ? 'kubeadm.k8s.io/v1beta4' : 'kubeadm.k8s.io/v1beta3';
  const volume = {
    name: 'scheduler-config',
    hostPath: SCHEDULER_CONFIG_PATH,
    mountPath: SCHEDULER_CONFIG_PATH,
    readOnly: true,
    pathType: 'File',
  };
  return {
    apiVersion,
    kind: 'ClusterConfiguration',
    kubernetesVersion: `v${formatKubeVersion(v)}.0`,
    apiServer: { extraArgs: extraArgs(v, apiServerArgs(tier)) },
    controllerManager: { extraArgs: extraArgs(v, controllerManagerArgs(tier)) },
    scheduler: {
      extraArgs: extraArgs(v, { profiling: 'false', config: SCHEDULER_CONFIG_PATH }),
      extraVolumes: [volume],
    },
    etcd: { local: { dataDir: '/var/lib/etcd', extraArgs: extraArgs(v, etcdArgs(tier)) } },
    networking: { podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/12' },
  };
}

/** KubeSchedulerConfiguration (v1) with client limits and node scoring for the tier. */
export function schedulerConfiguration(tier: CapacityTier): Record<string, unknown> {
  return {
    apiVersion: 'kubescheduler.config.k8s.io/v1',
    kind: 'KubeSchedulerConfiguration',
    clientConnection: { kubeconfig: '/etc/kubernetes/scheduler.conf', qps: tier.clientQps, burst: tier.clientBurst },
    ...(tier.percentageOfNodesToScore > 0 ? { percentageOfNodesToScore: tier.percentageOfNodesToScore } : {}),
    profiles: [{ schedulerName: 'default-scheduler' }],
  };
}
