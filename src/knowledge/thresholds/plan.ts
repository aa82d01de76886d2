/** Numbers the capacity plan generator (`kubetune plan`, src/generate/plan/) writes or compares with. See types.ts. */
import { num, same } from './types.js';

const GUIDE_8 = 'GUIDE.md §8 (control plane, node and runtime configuration; capacity planning matrix)';
const MIB = 1024 ** 2;
const PLAN = 'generator:plan';

export const PLAN_THRESHOLDS = {
  planPodsPerNodeHeadroom: num({
    summary: 'maxPods the plan sets: expected pods per node times this headroom (capped at the tested 110).',
    unit: 'ratio',
    use: 'target',
    readBy: [PLAN],
    source: `${GUIDE_8} (maxPods 110); headroom for rolling updates and rescheduling`,
    values: same(1.2),
  }),
  planMaxPodsFloor: num({
    summary: 'Lowest maxPods the plan sets, whatever the expected density (DaemonSets and system pods need room).',
    unit: 'count',
    use: 'target',
    readBy: [PLAN],
    source: `${GUIDE_8} (maxPods, podsPerCore)`,
    values: same(30),
  }),
  planPodsPerNodeTarget: num({
    summary: 'Pods per node the plan sizes the node count for when the expected density is above the tested limit.',
    unit: 'count',
    use: 'target',
    readBy: [PLAN],
    source: 'https://kubernetes.io/docs/setup/best-practices/cluster-large/ (at most 110 pods per node)',
    values: same(100),
  }),
  planIptablesMaxNodes: num({
    summary: 'Largest tier (by its smallest node count) the plan keeps kube-proxy in iptables mode for.',
    unit: 'nodes',
    use: 'flag-above',
    readBy: [PLAN],
    source: 'GUIDE.md §4 (kube-proxy mode matters at scale: iptables → ipvs → nftables)',
    values: same(100),
  }),
  planKubeletApiQps: num({
    summary: 'kubeAPIQPS the plan gives the kubelet.',
    unit: 'count',
    use: 'target',
    readBy: [PLAN],
    source: `${GUIDE_8} (client QPS/Burst); https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/`,
    values: same(50),
  }),
  planKubeletApiBurst: num({
    summary: 'kubeAPIBurst the plan gives the kubelet.',
    unit: 'count',
    use: 'target',
    readBy: [PLAN],
    source: `${GUIDE_8} (client QPS/Burst); https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/`,
    values: same(100),
  }),
  planContainerLogMaxSizeBytes: num({
    summary: 'containerLogMaxSize the plan sets (inside the kubelet-container-log-rotation bounds).',
    unit: 'bytes',
    use: 'target',
    readBy: [PLAN],
    source: `${GUIDE_8} (container log rotation)`,
    values: same(50 * MIB),
  }),
  planConcurrentGcSyncsMin: num({
    summary: 'Lowest --concurrent-gc-syncs the plan sets (the controller-manager default).',
    unit: 'count',
    use: 'target',
    readBy: [PLAN],
    source: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/',
    values: same(20),
  }),
  planEtcdHeartbeatMs: num({
    summary: 'etcd --heartbeat-interval the plan sets for a single-site cluster.',
    unit: 'milliseconds',
    use: 'target',
    readBy: [PLAN],
    source: `${GUIDE_8} (heartbeat 100 ms / election 1000 ms)`,
    values: same(100),
  }),
  planEtcdElectionMs: num({
    summary: 'etcd --election-timeout the plan sets for a single-site cluster.',
    unit: 'milliseconds',
    use: 'target',
    readBy: [PLAN],
    source: `${GUIDE_8} (heartbeat 100 ms / election 1000 ms)`,
    values: same(1000),
  }),
  planEtcdMultiSiteHeartbeatMs: num({
    summary: 'etcd --heartbeat-interval the plan sets when members span sites (cross-site round trips).',
    unit: 'milliseconds',
    use: 'target',
    readBy: [PLAN],
    source: 'https://etcd.io/docs/v3.6/tuning/#time-parameters (heartbeat about the round-trip time, election 10x)',
    values: same(250),
  }),
  planEtcdMultiSiteElectionMs: num({
    summary: 'etcd --election-timeout the plan sets when members span sites.',
    unit: 'milliseconds',
    use: 'target',
    readBy: [PLAN],
    source: 'https://etcd.io/docs/v3.6/tuning/#time-parameters (heartbeat about the round-trip time, election 10x)',
    values: same(2500),
  }),
} as const;
