/**
 * `--from-history`: an early-warning level from this cluster's own baseline. The baseline is a high percentile of a
 * KPI's recorded value over the window (worst series); times a margin it becomes a new level one priority below the
 * profile's lowest, or lowers the lowest when that is already P2 — never looser than the profile, whose levels stay
 * as the hard limits. Counts (events in an hour) keep the profile's levels: their baseline is usually 0.
 */
import { formatKpiValue } from '../../analyzers/format.js';
import type { Priority } from '../../engine/types.js';
import type { Kpi } from '../../knowledge/kpis.js';
import type { ProfileName } from '../../knowledge/profiles.js';
import { PRIORITIES, profileThresholds } from './alerts.js';
import type { AlertThreshold } from './types.js';

export interface HistoryOptions {
  readonly profile: ProfileName;
  /** The percentile taken over the window, e.g. 0.99. */
  readonly quantile: number;
  /** Multiplier over the baseline, e.g. 2. */
  readonly margin: number;
  /** How the window reads in the basis (`14d`). */
  readonly window: string;
}

/** KPIs whose history can set a level (everything but event counts). */
export const historyApplies = (kpi: Kpi): boolean => kpi.unit !== 'count';

const round = (v: number): number => Number(v.toPrecision(3));

export function historyThreshold(kpi: Kpi, baseline: number, opts: HistoryOptions): AlertThreshold | undefined {
  if (!historyApplies(kpi) || !(baseline > 0) || !Number.isFinite(baseline)) return undefined;
  const levels = profileThresholds(kpi, opts.profile);
  const lowest = levels[levels.length - 1];
  if (!lowest) return undefined;
  const candidate = round(baseline * opts.margin);
  if (candidate >= lowest.value) return undefined; // the profile already warns sooner
  const below: Priority = PRIORITIES[Math.min(PRIORITIES.indexOf(lowest.priority) + 1, PRIORITIES.length - 1)]!;
  const f = (v: number) => formatKpiValue(v, kpi.unit);
  return {
    kpi: kpi.id,
    priority: below,
    value: candidate,
    origin: 'history',
    basis: `p${Math.round(opts.quantile * 100)} over ${opts.window} = ${f(baseline)} × ${opts.margin} margin = ${f(candidate)}; profile ${opts.profile} ${lowest.priority} ${f(lowest.value)}`,
  };
}
