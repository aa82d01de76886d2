/** Look-ups over the threshold catalogue for docs, `kubetune explain` and tests. */
import { THRESHOLD_CATALOGUE, THRESHOLD_KEYS, type ThresholdKey } from './catalogue.js';
import { PROFILE_NAMES, type ProfileName } from './profile-names.js';
import type { ThresholdEntry, ThresholdUnit, ThresholdValue } from './types.js';

export interface RuleThreshold {
  readonly key: ThresholdKey;
  readonly entry: ThresholdEntry<ThresholdValue>;
}

/** The catalogue entries a rule reads, in catalogue order. */
export function thresholdsForRule(ruleId: string): readonly RuleThreshold[] {
  return THRESHOLD_KEYS.filter((k) => THRESHOLD_CATALOGUE[k].readBy.includes(ruleId)).map((key) => ({
    key,
    entry: THRESHOLD_CATALOGUE[key],
  }));
}

/** Whether an entry's value differs between two profiles. */
export function differsBetween(entry: ThresholdEntry<ThresholdValue>, a: ProfileName, b: ProfileName): boolean {
  return formatValue(entry.values[a], entry.unit) !== formatValue(entry.values[b], entry.unit);
}

/** Keys whose value differs between two profiles. */
export const keysDifferingBetween = (a: ProfileName, b: ProfileName): ThresholdKey[] =>
  THRESHOLD_KEYS.filter((k) => differsBetween(THRESHOLD_CATALOGUE[k], a, b));

const BINARY: readonly [string, number][] = [
  ['GiB', 1024 ** 3],
  ['MiB', 1024 ** 2],
  ['KiB', 1024],
];

function formatNumber(n: number, unit: ThresholdUnit): string {
  switch (unit) {
    case 'bytes': {
      const hit = BINARY.find(([, size]) => n >= size && n % size === 0);
      return hit ? `${n / hit[1]} ${hit[0]}` : `${n} B`;
    }
    case 'share':
      return `${Math.round(n * 1000) / 10}%`;
    case 'percent':
      return `${n}%`;
    case 'seconds':
      return `${n}s`;
    case 'milliseconds':
      return `${n}ms`;
    case 'ratio':
      return `${n}x`;
    default:
      return String(n);
  }
}

/** A value as docs and explain print it (`1.5x-2x`, `at most 2x`, `8 GiB`, `75%`). */
export function formatValue(v: ThresholdValue, unit: ThresholdUnit): string {
  if (typeof v === 'number') return formatNumber(v, unit);
  if ('min' in v) return `${formatNumber(v.min, unit)}-${formatNumber(v.max, unit)}`;
  return `at most ${formatNumber(v.max, unit)}`;
}

/** One line per entry: `key (unit, use): guide … · strict … · upstream-slo …  — summary [source]`. */
export function describeRuleThresholds(ruleId: string): string[] {
  return thresholdsForRule(ruleId).map(({ key, entry }) => {
    const values = PROFILE_NAMES.map((p) => `${p} ${formatValue(entry.values[p], entry.unit)}`).join(' · ');
    return `${key}: ${values} — ${entry.summary} Source: ${entry.source}`;
  });
}
