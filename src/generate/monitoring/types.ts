/** Plain-object shapes of generated monitoring (Prometheus rule files, promtool tests): serialised at the edge. */
import type { KubeVersion } from '../../core/version.js';
import type { Priority } from '../../engine/types.js';
import type { ProfileName } from '../../knowledge/profiles.js';

export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  /** Prometheus duration, e.g. `10m`. */
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  readonly labels?: Readonly<Record<string, string>>;
}

export type PromRule = AlertingRule | RecordingRule;
export const isAlertingRule = (r: PromRule): r is AlertingRule => 'alert' in r;

export interface RuleGroup {
  readonly name: string;
  /** Prometheus duration; the global evaluation interval when absent. */
  readonly interval?: string;
  readonly rules: readonly PromRule[];
}

/** Why a KPI or an SLO got no rules. */
export interface Omission {
  readonly id: string;
  readonly reason: string;
}

/** A threshold an alert uses, and where it came from (the profile, or this cluster's history). */
export interface AlertThreshold {
  readonly kpi: string;
  readonly priority: Priority;
  readonly value: number;
  readonly origin: 'profile' | 'history';
  /** History thresholds: the numbers that produced them (`p99 over 14d = 0.18; × 2 margin = 0.36; hard limit 1`). */
  readonly basis?: string;
}

/** Routing labels added to every alert: `team`, and `component` per catalogue component (overridable). */
export interface Routing {
  readonly labels?: Readonly<Record<string, string>>;
  /** Catalogue component (`etcd`, `kube-apiserver`, …) → value of the `component` label. */
  readonly components?: Readonly<Record<string, string>>;
}

export interface SloOptions {
  /** Availability target of the API server, e.g. 0.99 (kubernetes-mixin's default). */
  readonly availabilityTarget: number;
  /** Share of non-streaming requests under the upstream latency SLO thresholds (1 s / 5 s / 30 s by scope). */
  readonly latencyTarget: number;
}

export interface RulesOptions {
  readonly profile: ProfileName;
  readonly routing?: Routing;
  readonly slo?: SloOptions;
  /**
   * Metric names that exist in the target Prometheus (histograms as their `_bucket` name). Absent: every KPI is
   * generated, and the result says that nothing was checked.
   */
  readonly presentMetrics?: ReadonlySet<string>;
  /** Thresholds derived from history, replacing the profile's for the KPIs and priorities they name. */
  readonly historyThresholds?: readonly AlertThreshold[];
  /** Target Kubernetes version: fallbacks to metric names it no longer has are left out. */
  readonly kubeVersion?: KubeVersion;
  /** Label that tells clusters apart in a shared Prometheus (kept by every recorded aggregation). */
  readonly clusterLabel?: string;
}

export interface GeneratedRules {
  readonly recording: readonly RuleGroup[];
  readonly alerting: readonly RuleGroup[];
  readonly thresholds: readonly AlertThreshold[];
  readonly omitted: readonly Omission[];
  /** False when no Prometheus was asked which metrics exist. */
  readonly discovered: boolean;
}
