/**
 * Rightsizing data model: the evidence measured per container of a workload, the current spec, and the
 * recommendation a strategy derives from them. Units are in the types (Millicores, Bytes) and names.
 */
import type { Bytes, Millicores } from '../../core/units.js';

export const STRATEGY_NAMES = ['guide', 'krr-simple', 'vpa'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];
export const isStrategyName = (s: string): s is StrategyName => (STRATEGY_NAMES as readonly string[]).includes(s);

/** What a container is to its pod: app containers and native sidecars run for the pod's life, init containers do not. */
export type ContainerRole = 'app' | 'init' | 'sidecar';

export interface WorkloadRef {
  readonly namespace: string;
  /** Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, Pod... */
  readonly kind: string;
  readonly name: string;
}

/** Every statistic a query can produce for one (namespace, pod, container). */
export const STAT_NAMES = [
  'cpuP50',
  'cpuP90',
  'cpuP95',
  'cpuP99',
  'cpuMax',
  'memP50',
  'memP95',
  'memMax',
  'memDailyPeakP90',
  'memPoints',
  'throttledShare',
  'oomKills',
  'restarts',
  'oomLimit',
  'cpuRequest',
  'cpuLimit',
  'memRequest',
  'memLimit',
] as const;
export type StatName = (typeof STAT_NAMES)[number];
/** CPU stats in millicores, memory in bytes, shares in 0..1, counts as numbers. */
export type PodStats = Partial<Record<StatName, number>>;

export interface PodContainerKey {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
}

export interface CpuEvidence {
  readonly p50?: Millicores;
  readonly p90?: Millicores;
  readonly p95?: Millicores;
  readonly p99?: Millicores;
  readonly max?: Millicores;
}

export interface MemoryEvidence {
  /** Steady state: the median working set. */
  readonly p50?: Bytes;
  readonly p95?: Bytes;
  readonly max?: Bytes;
  /** p90 of the daily peaks (what the VPA recommender sizes memory on). */
  readonly dailyPeakP90?: Bytes;
}

export interface Coverage {
  /** Samples of the working-set series, over every pod. */
  readonly points: number;
  /** Hours of history for the workload (pod-hours divided by replicas). */
  readonly hours: number;
  readonly pods: number;
}

/** Measured usage of one container of one workload, aggregated over its pods (the most demanding pod wins). */
export interface ContainerEvidence {
  readonly workload: WorkloadRef;
  readonly container: string;
  readonly cpu: CpuEvidence;
  readonly memory: MemoryEvidence;
  readonly coverage: Coverage;
  /** Throttled CFS periods / all CFS periods over the window (worst pod). */
  readonly throttledShare?: number;
  readonly oomKills: number;
  /** Memory limit in force when the container was last OOM-killed. */
  readonly oomLimit?: Bytes;
  readonly restarts: number;
  /** Requests/limits seen by kube-state-metrics, used when no manifest is given. */
  readonly observedSpec?: ResourceValues;
}

export interface ResourceValues {
  readonly cpuRequest?: Millicores;
  readonly cpuLimit?: Millicores;
  readonly memoryRequest?: Bytes;
  readonly memoryLimit?: Bytes;
}

/** HPA scaling on a resource: target average utilisation of the request (0..1). */
export interface HpaTarget {
  readonly name: string;
  readonly cpuUtilization?: number;
  readonly memoryUtilization?: number;
  readonly minReplicas?: number;
  readonly maxReplicas?: number;
}

/** The current spec of one container, from manifests or kube-state-metrics. */
export interface ContainerSpec {
  readonly workload: WorkloadRef;
  readonly container: string;
  readonly role: ContainerRole;
  readonly current: ResourceValues;
  /** Desired replicas (undefined for DaemonSets: one per node, counted from the pods seen). */
  readonly replicas?: number;
  /** Containers that share the pod (the VPA pod minimums are split among them). */
  readonly podContainers: number;
  readonly hpa?: HpaTarget;
  /** Short-lived pods (Jobs, CronJobs, run-to-completion Pods). */
  readonly shortLived: boolean;
  readonly env: readonly { readonly name: string; readonly value?: string }[];
  readonly args: readonly string[];
  readonly command: readonly string[];
  /** Where the spec came from: `file:line`, or `kube-state-metrics`. */
  readonly source?: string;
}

export const REASON_CODES = [
  'percentile',
  'peak-factor',
  'steady-state-factor',
  'peak-buffer',
  'vpa-target',
  'vpa-proportional-limit',
  'no-cpu-limit',
  'ratio-clamped',
  'cpu-burst',
  'minimum',
  'hpa-cpu',
  'hpa-memory',
  'throttled',
  'oom-floor',
  'init-container',
  'short-lived',
  'sidecar',
  'rounded',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export type Resource = 'cpuRequest' | 'cpuLimit' | 'memoryRequest' | 'memoryLimit';

/** Why a value is what it is: data for the reporters, never prose to parse. */
export interface Reason {
  readonly code: ReasonCode;
  readonly resource?: Resource;
  readonly data?: Readonly<Record<string, string | number>>;
}

export type RecommendationStatus = 'ok' | 'not-enough-data' | 'no-data';

/** Why a container got no recommendation: what was observed against what the strategy needs. */
export interface CoverageGap {
  readonly observedHours: number;
  readonly neededHours: number;
  readonly observedPoints: number;
  readonly neededPoints: number;
  /** Series with no samples in the window (cAdvisor metric names). */
  readonly missingSeries: readonly string[];
}

/**
 * How a CPU limit relates to its request when usage is bursty (cpuLimitFactor × peak above the profile's maximum
 * limit/request ratio of the p95): `no-limit` keeps the request at p95 and sets no CPU limit, `keep-ratio` keeps
 * a limit at the factor × peak and raises the request to limit ÷ max ratio.
 */
export type CpuBurstOption = 'no-limit' | 'keep-ratio';

export interface CpuTradeoffOption {
  readonly option: CpuBurstOption;
  readonly cpuRequest: Millicores;
  readonly cpuLimit?: Millicores;
  /** Monthly cost of the CPU request × replicas at the configured prices. */
  readonly monthlyCost: number;
}

/** The profile's limit/request ratio cannot hold without inflating the request: both options, and the one taken. */
export interface CpuTradeoff {
  /** cpuLimitFactor × peak ÷ p95: the ratio a limit that absorbs the peak would need. */
  readonly neededRatio: number;
  readonly maxRatio: number;
  readonly chosen: CpuBurstOption;
  readonly options: readonly CpuTradeoffOption[];
}

export interface RuntimeChange {
  readonly setting: 'GOMAXPROCS' | 'GOMEMLIMIT' | 'Xmx' | 'ActiveProcessorCount' | 'workers';
  /** Env var name, or `args`/`command` when the setting is a command-line argument. */
  readonly where: string;
  readonly from: string;
  readonly to: string;
  /** For `args`/`command`: the complete new list (lists are replaced whole by a strategic merge). */
  readonly list?: readonly string[];
}

export interface Savings {
  /** Positive = freed; per workload (× replicas). */
  readonly cpuCores: number;
  readonly memoryGiB: number;
  readonly monthlyCost: number;
}

export interface ContainerRecommendation {
  readonly workload: WorkloadRef;
  readonly container: string;
  readonly role: ContainerRole;
  readonly strategy: StrategyName;
  readonly status: RecommendationStatus;
  readonly current: ResourceValues;
  readonly recommended?: ResourceValues;
  readonly evidence?: ContainerEvidence;
  readonly reasons: readonly Reason[];
  readonly runtime: readonly RuntimeChange[];
  readonly replicas: number;
  readonly savings?: Savings;
  /** Largest relative change of a request (0.5 = 50%); ranks drift. */
  readonly drift: number;
  readonly source?: string;
  /** Set when status is not `ok`: observed vs needed coverage and missing series. */
  readonly gap?: CoverageGap;
  /** Set when bursty CPU forced a choice between no CPU limit and an inflated request. */
  readonly tradeoff?: CpuTradeoff;
}
