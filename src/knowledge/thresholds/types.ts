/**
 * The shape of one threshold catalogue entry: a number (or range) a rule, analyzer or generator compares with,
 * its value per profile, its unit, who reads it, and where the value comes from.
 */
import type { ProfileName } from './profile-names.js';

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** A bound with a maximum only. */
export interface Ceiling {
  readonly max: number;
}

export type ThresholdValue = number | Range | Ceiling;

/** What the number measures; names of entries carry the unit too (`...Seconds`, `...Bytes`, `...Share`). */
export type ThresholdUnit =
  'ratio' | 'share' | 'percent' | 'seconds' | 'milliseconds' | 'bytes' | 'count' | 'nodes' | 'replicas';

/** How the reader uses the value: a bound it flags beyond, or a value it writes into a fix / recommendation. */
export type ThresholdUse = 'flag-above' | 'flag-below' | 'flag-outside' | 'target';

export interface ThresholdEntry<V extends ThresholdValue> {
  readonly summary: string;
  readonly unit: ThresholdUnit;
  readonly use: ThresholdUse;
  /** Ids of the rules (or `analyzer:<id>` / `generator:<id>`) that read the entry. */
  readonly readBy: readonly string[];
  /** GUIDE.md section, upstream documentation URL, or both. */
  readonly source: string;
  readonly values: Readonly<Record<ProfileName, V>>;
}

/** The same value in every profile (the sources give no stricter one). */
export const same = <V>(v: V): Readonly<Record<ProfileName, V>> => ({ guide: v, strict: v, 'upstream-slo': v });

/** Typed constructors: they fix the value type so `Thresholds` gets `number` or `Range`, not literal types. */
export const num = (e: ThresholdEntry<number>): ThresholdEntry<number> => e;
export const range = (e: ThresholdEntry<Range>): ThresholdEntry<Range> => e;
export const ceiling = (e: ThresholdEntry<Ceiling>): ThresholdEntry<Ceiling> => e;
