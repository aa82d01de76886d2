/** Shared types of the metric analyzers (diagnose): measurements in, bottlenecks out. Pure data. */
import type { Priority } from '../engine/types.js';
import type { Kpi, KpiLevels } from '../knowledge/kpis.js';
import type { ProfileName } from '../knowledge/profiles.js';
import type { EvalSeries } from '../model/metric-eval.js';

/** The result of running one KPI's query. */
export type Measurement =
  | {
      readonly status: 'measured';
      readonly kpi: Kpi;
      /** Worst first, at most the backend's top-k. */
      readonly series: readonly EvalSeries[];
      readonly query: string;
      readonly warnings: readonly string[];
      readonly partial: boolean;
    }
  /** The metric exists but had no observations in the window (e.g. no requests of that scope): not a verdict. */
  | { readonly status: 'no-traffic'; readonly kpi: Kpi; readonly query: string }
  | { readonly status: 'not-measured'; readonly kpi: Kpi; readonly reason: string; readonly query?: string }
  | {
      readonly status: 'error';
      readonly kpi: Kpi;
      readonly reason: string;
      readonly query?: string;
      /** The reason without the query text: what errors with the same cause share (they are reported once). */
      readonly cause?: string;
    };

export interface AnalyzeContext {
  readonly profile: ProfileName;
  readonly windowSeconds: number;
  /** How the period reads in messages when not a window (offline scrapes: "since process start"). */
  readonly period?: string;
}

/** A KPI over one of its profile levels, with the series that crossed it. */
export interface Bottleneck {
  readonly kpi: Kpi;
  readonly analyzerId: string;
  readonly priority: Priority;
  /** Worst value. */
  readonly value: number;
  /** The level crossed. */
  readonly threshold: number;
  readonly offenders: readonly EvalSeries[];
  readonly query: string;
}

/** Highest priority whose level `value` is strictly above, if any. */
export function priorityFor(value: number, levels: KpiLevels): { priority: Priority; threshold: number } | undefined {
  for (const p of ['P0', 'P1', 'P2'] as const) {
    const t = levels[p];
    if (t !== undefined && value > t) return { priority: p, threshold: t };
  }
  return undefined;
}

/** The default judgement: each measured KPI against the profile's levels. */
export function judge(m: Measurement, analyzerId: string, ctx: AnalyzeContext): Bottleneck | undefined {
  if (m.status !== 'measured' || m.series.length === 0) return undefined;
  const worst = m.series[0]!;
  const hit = priorityFor(worst.value, m.kpi.levels[ctx.profile]);
  if (!hit) return undefined;
  const offenders = m.series.filter((s) => s.value > hit.threshold);
  return {
    kpi: m.kpi,
    analyzerId,
    priority: hit.priority,
    value: worst.value,
    threshold: hit.threshold,
    offenders,
    query: m.query,
  };
}
