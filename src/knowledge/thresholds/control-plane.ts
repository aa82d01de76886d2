/** Thresholds of the control-plane, scheduler and node rules. See types.ts for the entry shape. */
import { num, range, same } from './types.js';

const GUIDE_8 = 'GUIDE.md §8 (control plane, node and runtime configuration)';
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

export const CONTROL_PLANE_THRESHOLDS = {
  etcdSnapshotCount: num({
    summary: 'etcd --snapshot-count the fix sets.',
    unit: 'count',
    use: 'target',
    readBy: ['etcd-snapshot-count', 'generator:plan'],
    source: `${GUIDE_8} (snapshot-count 10000); https://etcd.io/docs/v3.6/op-guide/maintenance/#raft-log-retention`,
    values: same(10000),
  }),
  etcdSnapshotCountMax: num({
    summary: 'etcd --snapshot-count (set or defaulted) above which the rule flags: 5x the guide value.',
    unit: 'count',
    use: 'flag-above',
    readBy: ['etcd-snapshot-count'],
    source: `${GUIDE_8}; https://etcd.io/docs/v3.6/op-guide/maintenance/#raft-log-retention`,
    values: same(50000),
  }),
  etcdElectionToHeartbeatMin: num({
    summary: 'Smallest --election-timeout / --heartbeat-interval ratio (etcd itself refuses below 5).',
    unit: 'ratio',
    use: 'flag-below',
    readBy: ['etcd-election-timeout'],
    source: `${GUIDE_8} (heartbeat 100 ms / election 1000 ms); https://etcd.io/docs/v3.6/tuning/#time-parameters`,
    values: same(10),
  }),
  etcdQuotaBackendBytesMax: num({
    summary: 'Largest etcd --quota-backend-bytes etcd supports well.',
    unit: 'bytes',
    use: 'flag-above',
    readBy: ['etcd-quota-too-large'],
    source: `${GUIDE_8} (quota-backend-bytes <= 8 GiB); https://etcd.io/docs/v3.6/dev-guide/limit/#storage-size-limit`,
    values: same(8 * GIB),
  }),
  etcdWalDirMinNodes: num({
    summary: 'Cluster size above which the etcd WAL belongs on its own disk (--wal-dir).',
    unit: 'nodes',
    use: 'flag-above',
    readBy: ['etcd-wal-dir-shared', 'generator:plan'],
    source: `${GUIDE_8} (large tier, 100+ nodes: NVMe, dedicated disks); https://etcd.io/docs/v3.6/op-guide/hardware/#disks`,
    values: same(100),
  }),
  schedulerScoreMaxPercent: num({
    summary: 'percentageOfNodesToScore above which large clusters are flagged (the guide uses 50, 30 for very large).',
    unit: 'percent',
    use: 'flag-above',
    readBy: ['scheduler-percentage-nodes-to-score'],
    source: 'GUIDE.md §3 (percentageOfNodesToScore: the guide uses 50, 30 for very large clusters)',
    values: same(50),
  }),
  schedulerScoreHighMinNodes: num({
    summary: 'Cluster size from which a percentageOfNodesToScore above the maximum is flagged.',
    unit: 'nodes',
    use: 'flag-above',
    readBy: ['scheduler-percentage-nodes-to-score'],
    source: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduler-perf-tuning/',
    values: same(500),
  }),
  schedulerScoreMinPercent: num({
    summary: 'percentageOfNodesToScore below which mid-size clusters are flagged.',
    unit: 'percent',
    use: 'flag-below',
    readBy: ['scheduler-percentage-nodes-to-score'],
    source: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduler-perf-tuning/',
    values: same(10),
  }),
  schedulerScoreLowNodes: range({
    summary: 'Cluster sizes (exclusive) on which a very low percentageOfNodesToScore trades quality for nothing.',
    unit: 'nodes',
    use: 'flag-outside',
    readBy: ['scheduler-percentage-nodes-to-score'],
    source: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduler-perf-tuning/',
    values: same({ min: 100, max: 1000 }),
  }),
  kubeletContainerLogMaxSizeBytes: range({
    summary: 'containerLogMaxSize below min rotates faster than shippers read; at or above max fills nodefs.',
    unit: 'bytes',
    use: 'flag-outside',
    readBy: ['kubelet-container-log-rotation'],
    source: `${GUIDE_8} (container log rotation); https://kubernetes.io/docs/concepts/cluster-administration/logging/#log-rotation`,
    values: same({ min: MIB, max: GIB }),
  }),
  kubeletMaxParallelImagePulls: num({
    summary: 'maxParallelImagePulls the fix sets with serializeImagePulls: false (Kubernetes 1.27+).',
    unit: 'count',
    use: 'target',
    readBy: ['kubelet-serialize-image-pulls', 'generator:plan'],
    source: `${GUIDE_8} (serializeImagePulls false); https://kubernetes.io/docs/concepts/containers/images/#maximum-parallel-image-pulls`,
    values: same(5),
  }),
} as const;
