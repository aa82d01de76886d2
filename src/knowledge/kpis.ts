/**
 * The KPI catalogue `kubetune diagnose` measures: what (a MetricExpr, rendered to PromQL or evaluated offline),
 * in which unit, and from which value each profile calls it a P0/P1/P2 bottleneck. Data only; the analyzers in
 * src/analyzers/ read it. Sources: ../shared/design/GUIDE.md §1 and §7 (bottleneck matrix, alert table, strict
 * KPIs), the upstream SLOs (https://github.com/kubernetes/community/blob/master/sig-scalability/slos/slos.md),
 * and each component's own guidance, linked per entry.
 */
import type { MetricExpr } from '../model/metric-expr.js';
import { CONTROL_PLANE_KPIS } from './kpis-control-plane.js';
import { NODE_KPIS } from './kpis-nodes.js';
import type { ProfileName } from './profiles.js';
import { WORKLOAD_KPIS } from './kpis-workloads.js';

/** The guide's bottleneck matrix, plus the components it names beside it. */
export type Bottleneck =
  | 'cpu'
  | 'memory'
  | 'disk-io'
  | 'network'
  | 'api-server'
  | 'etcd'
  | 'scheduler'
  | 'controller-manager'
  | 'kubelet'
  | 'dns'
  | 'workload';

export type KpiUnit = 'seconds' | 'ratio' | 'bytes' | 'per-second' | 'count';

/** A value strictly above a level's threshold is a bottleneck of that priority (highest matching level wins). */
export interface KpiLevels {
  readonly P0?: number;
  readonly P1?: number;
  readonly P2?: number;
}

/** What the offending series name: a node (`instance` host), a pod/container, or a component-wide figure. */
export type KpiSubject = 'node' | 'pod' | 'component';

export interface Kpi {
  readonly id: string;
  readonly title: string;
  /** The component that exposes the metric (and the scrape that must exist for it to be measured). */
  readonly component: string;
  readonly bottleneck: Bottleneck;
  readonly subject: KpiSubject;
  readonly unit: KpiUnit;
  readonly expr: MetricExpr;
  readonly levels: Readonly<Record<ProfileName, KpiLevels>>;
  /** Metrics the expression reads (documentation, and what "not measured" names). */
  readonly metrics: readonly string[];
  /** Kubernetes version a metric appeared or was renamed in, when it matters. */
  readonly since?: string;
  readonly source: string;
  /** What to do about it (the audit rules of the same area check the matching configuration). */
  readonly remediation: string;
}

export const KPIS: readonly Kpi[] = [...CONTROL_PLANE_KPIS, ...NODE_KPIS, ...WORKLOAD_KPIS];

const BY_ID = new Map(KPIS.map((k) => [k.id, k]));
export const kpiById = (id: string): Kpi | undefined => BY_ID.get(id);

/** Same levels for every profile. */
export const allProfiles = (levels: KpiLevels): Readonly<Record<ProfileName, KpiLevels>> => ({
  guide: levels,
  strict: levels,
  'upstream-slo': levels,
});
