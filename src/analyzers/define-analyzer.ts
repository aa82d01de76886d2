/**
 * An analyzer: declared queries (KPIs from the catalogue) + a pure analyse() over their measurements.
 * `analyze` defaults to judging every KPI against the profile's levels.
 */
import type { Area } from '../engine/types.js';
import { kpiById, type Kpi } from '../knowledge/kpis.js';
import { RuleDefinitionError } from '../core/errors.js';
import { judge, type AnalyzeContext, type Bottleneck, type Measurement } from './types.js';

export interface AnalyzerDef<Q extends string> {
  readonly id: string;
  readonly area: Area;
  readonly summary: string;
  /** Query name → KPI id in src/knowledge/kpis*.ts. */
  readonly queries: Readonly<Record<Q, string>>;
  readonly analyze?: (results: Readonly<Record<Q, Measurement>>, ctx: AnalyzeContext) => Iterable<Bottleneck>;
}

export interface Analyzer<Q extends string = string> {
  readonly id: string;
  readonly area: Area;
  readonly summary: string;
  readonly queries: Readonly<Record<Q, Kpi>>;
  readonly analyze: (results: Readonly<Record<Q, Measurement>>, ctx: AnalyzeContext) => Iterable<Bottleneck>;
}

/** Resolves KPI ids at definition time, so a typo fails at import, not in a user's run. */
export function defineAnalyzer<Q extends string>(def: AnalyzerDef<Q>): Analyzer<Q> {
  const queries = {} as Record<Q, Kpi>;
  for (const [name, id] of Object.entries(def.queries) as [Q, string][]) {
    const kpi = kpiById(id);
    if (!kpi) throw new RuleDefinitionError(`analyzer ${def.id}: unknown KPI ${id}`);
    queries[name] = kpi;
  }
  const analyze =
    def.analyze ??
    ((results: Readonly<Record<Q, Measurement>>, ctx: AnalyzeContext) =>
      Object.values<Measurement>(results)
        .map((m) => judge(m, def.id, ctx))
        .filter((b): b is Bottleneck => b !== undefined));
  return Object.freeze({ id: def.id, area: def.area, summary: def.summary, queries, analyze });
}
