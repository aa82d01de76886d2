/**
 * Threshold profiles as data. Source: ../shared/design/GUIDE.md (the tuning guide, sections 1, 2 and 7),
 * the strict KPIs of its second document, and the upstream Kubernetes scalability SLOs
 * (https://github.com/kubernetes/community/blob/master/sig-scalability/slos/slos.md).
 */
export const PROFILE_NAMES = ['guide', 'strict', 'upstream-slo'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];
export const isProfileName = (s: string): s is ProfileName => (PROFILE_NAMES as readonly string[]).includes(s);

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** A ratio with a maximum only. */
export interface Ceiling {
  readonly max: number;
}

export interface Thresholds {
  /** Healthy limit/request ratio for CPU (guide: 1.5-2x); a ratio of exactly 1 (Guaranteed) is a deliberate choice. */
  readonly cpuLimitToRequest: Range;
  /**
   * Highest memory limit/request ratio (guide: 2x). There is no minimum: a memory limit close to (or equal to) its
   * request is the safe setting — the node is not overcommitted, and a container that grows past its request is the
   * one OOM-killed instead of a neighbour under node pressure (Kubernetes docs, "Node-pressure Eviction" and
   * "Resource Management for Pods and Containers"; KRR's `simple` strategy sets memory limit = request).
   */
  readonly memoryLimitToRequest: Ceiling;
  /** Share of BestEffort pods in a namespace above which it is flagged. */
  readonly bestEffortNamespaceShare: number;
  /** Minimum pods in a namespace before namespace-wide QoS shares are judged. */
  readonly namespaceQosMinPods: number;
  /** A container whose liveness probe would kill it before this many seconds should use a startupProbe. */
  readonly slowStartSeconds: number;
}

export const PROFILES: Readonly<Record<ProfileName, Thresholds>> = {
  guide: {
    cpuLimitToRequest: { min: 1.5, max: 2 },
    memoryLimitToRequest: { max: 2 },
    bestEffortNamespaceShare: 0.5,
    namespaceQosMinPods: 3,
    slowStartSeconds: 30,
  },
  strict: {
    cpuLimitToRequest: { min: 1.2, max: 1.5 },
    memoryLimitToRequest: { max: 1.5 },
    bestEffortNamespaceShare: 0.2,
    namespaceQosMinPods: 2,
    slowStartSeconds: 20,
  },
  'upstream-slo': {
    cpuLimitToRequest: { min: 1.5, max: 2 },
    memoryLimitToRequest: { max: 2 },
    bestEffortNamespaceShare: 0.5,
    namespaceQosMinPods: 3,
    slowStartSeconds: 30,
  },
};
