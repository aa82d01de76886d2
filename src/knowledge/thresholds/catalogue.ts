/**
 * The threshold catalogue: every number a rule compares with, per profile, with its source beside it. Rules read
 * `ctx.thresholds.<key>` (the values of the run's profile); docs and `kubetune explain` read the entries.
 * KPI levels (../kpis-*.ts) and capacity tiers (../capacity.ts) are the catalogue's other two tables; index.ts
 * lists all three as one.
 */
import { CONTROL_PLANE_THRESHOLDS } from './control-plane.js';
import { PLAN_THRESHOLDS } from './plan.js';
import { PROFILE_NAMES, type ProfileName } from './profile-names.js';
import { RUNTIME_THRESHOLDS } from './runtime.js';
import type { ThresholdEntry, ThresholdValue } from './types.js';
import { WORKLOAD_THRESHOLDS } from './workloads.js';

export const THRESHOLD_CATALOGUE = {
  ...WORKLOAD_THRESHOLDS,
  ...RUNTIME_THRESHOLDS,
  ...CONTROL_PLANE_THRESHOLDS,
  ...PLAN_THRESHOLDS,
} as const;

export type ThresholdKey = keyof typeof THRESHOLD_CATALOGUE;

/** The values of one profile, typed per key (`number` or `Range`). */
export type Thresholds = {
  readonly [K in ThresholdKey]: (typeof THRESHOLD_CATALOGUE)[K]['values']['guide'];
};

export const THRESHOLD_KEYS = Object.keys(THRESHOLD_CATALOGUE) as ThresholdKey[];

const entryOf = (k: ThresholdKey): ThresholdEntry<ThresholdValue> => THRESHOLD_CATALOGUE[k];

/** The thresholds of one profile. */
export function thresholdsFor(profile: ProfileName): Thresholds {
  return Object.freeze(Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, entryOf(k).values[profile]]))) as Thresholds;
}

/** Every profile's thresholds, computed once. */
export const PROFILES: Readonly<Record<ProfileName, Thresholds>> = Object.freeze(
  Object.fromEntries(PROFILE_NAMES.map((p) => [p, thresholdsFor(p)])) as Record<ProfileName, Thresholds>,
);
