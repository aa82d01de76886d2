/** Unit factors and rounding for messages, so rule files hold no unit literals (STYLE.md B8). */
export const KIB = 1024;
export const MIB = KIB * KIB;
export const GIB = MIB * KIB;
/** Millicores in one core. */
export const MILLICORES_PER_CORE = 1000;
/** A share (0-1) as a percentage. */
export const PERCENT = 100;

/** Rounds to `digits` decimal places (`roundTo(1.2345, 2)` = 1.23). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A share (0-1) as a percentage rounded to `digits` places. */
export const toPercent = (share: number, digits = 0): number => roundTo(share * PERCENT, digits);
