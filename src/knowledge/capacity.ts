/**
 * The capacity-planning matrix of GUIDE.md section 8, as data, plus the tuned values kubetune derives per tier.
 * Where the guide is unsafe, kubetune's value wins and `correction` says why (etcd clusters above 7 members:
 * https://etcd.io/docs/v3.5/faq/#what-is-maximum-cluster-size).
 */
export const TIER_NAMES = ['small', 'medium', 'large', 'ultra'] as const;
export type TierName = (typeof TIER_NAMES)[number];

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface CapacityTier {
  readonly name: TierName;
  /** Node counts the tier covers (inclusive). */
  readonly nodes: Range;
  readonly controlPlaneCores: Range;
  readonly controlPlaneMemoryGiB: Range;
  readonly apiServerReplicas: Range;
  readonly etcdMembers: number;
  readonly etcdDisk: string;
  readonly etcdQuotaGiB: number;
  readonly maxRequestsInflight: number;
  readonly maxMutatingRequestsInflight: number;
  /** percentageOfNodesToScore; 0 keeps the scheduler's adaptive default. */
  readonly percentageOfNodesToScore: number;
  /** QPS/burst of controller-manager and scheduler clients (guide: rest.Config 100/200). */
  readonly clientQps: number;
  readonly clientBurst: number;
  readonly concurrentSyncs: number;
  readonly separateEventsEtcd: boolean;
  readonly guide: string;
  readonly correction?: string;
}

export const CAPACITY_SOURCE = 'GUIDE.md section 8 (capacity planning matrix)';

export const CAPACITY_TIERS: readonly CapacityTier[] = [
  {
    name: 'small',
    nodes: { min: 1, max: 10 },
    controlPlaneCores: { min: 2, max: 4 },
    controlPlaneMemoryGiB: { min: 4, max: 8 },
    apiServerReplicas: { min: 1, max: 1 },
    etcdMembers: 1,
    etcdDisk: 'SSD',
    etcdQuotaGiB: 2,
    maxRequestsInflight: 400,
    maxMutatingRequestsInflight: 200,
    percentageOfNodesToScore: 0,
    clientQps: 20,
    clientBurst: 30,
    concurrentSyncs: 5,
    separateEventsEtcd: false,
    guide: 'small (1-10 nodes): control plane 2-4 cores / 4-8 GB',
  },
  {
    name: 'medium',
    nodes: { min: 11, max: 100 },
    controlPlaneCores: { min: 4, max: 8 },
    controlPlaneMemoryGiB: { min: 16, max: 32 },
    apiServerReplicas: { min: 3, max: 3 },
    etcdMembers: 3,
    etcdDisk: 'SSD, > 5000 IOPS, < 1 ms latency',
    etcdQuotaGiB: 4,
    maxRequestsInflight: 800,
    maxMutatingRequestsInflight: 400,
    percentageOfNodesToScore: 0,
    clientQps: 50,
    clientBurst: 100,
    concurrentSyncs: 10,
    separateEventsEtcd: false,
    guide: 'medium (10-100 nodes): 4-8 cores / 16-32 GB, 3 replicas',
  },
  {
    name: 'large',
    nodes: { min: 101, max: 999 },
    controlPlaneCores: { min: 8, max: 16 },
    controlPlaneMemoryGiB: { min: 32, max: 64 },
    apiServerReplicas: { min: 5, max: 5 },
    etcdMembers: 5,
    etcdDisk: 'NVMe',
    etcdQuotaGiB: 8,
    maxRequestsInflight: 1200,
    maxMutatingRequestsInflight: 600,
    percentageOfNodesToScore: 50,
    clientQps: 100,
    clientBurst: 200,
    concurrentSyncs: 20,
    separateEventsEtcd: false,
    guide: 'large (100+ nodes): 8-16 cores / 32-64 GB NVMe, 5 replicas',
  },
  {
    name: 'ultra',
    nodes: { min: 1000, max: 5000 },
    controlPlaneCores: { min: 16, max: 32 },
    controlPlaneMemoryGiB: { min: 64, max: 128 },
    apiServerReplicas: { min: 10, max: 20 },
    etcdMembers: 5,
    etcdDisk: 'NVMe, 50K IOPS',
    etcdQuotaGiB: 8,
    maxRequestsInflight: 3000,
    maxMutatingRequestsInflight: 1000,
    percentageOfNodesToScore: 30,
    clientQps: 100,
    clientBurst: 200,
    concurrentSyncs: 50,
    separateEventsEtcd: true,
    guide: 'ultra (1000+ nodes): 10-20 API servers, etcd 9 members across 3 sites on 50K-IOPS NVMe',
    correction:
      'etcd recommends at most 7 members (each write waits for a majority; 9 members slow every write). kubetune plans 5 members spread over 3 sites and moves Events to a separate etcd cluster (--etcd-servers-overrides) instead.',
  },
];

/** Kubernetes' tested scalability envelope (https://kubernetes.io/docs/setup/best-practices/cluster-large/). */
export const SCALABILITY_LIMITS = { nodes: 5000, podsPerNode: 110, pods: 150000, containers: 300000 } as const;

/** The tier for a node count (the largest tier whose minimum it reaches). */
export function tierFor(nodes: number): CapacityTier {
  let found = CAPACITY_TIERS[0]!;
  for (const t of CAPACITY_TIERS) if (nodes >= t.nodes.min) found = t;
  return found;
}
