/**
 * Flags as typed values, parsed once per component config: integers, Go booleans (strconv.ParseBool), durations
 * (milliseconds) and byte counts. Rules read these views, never flag strings. A value that does not parse is
 * `undefined` beside its flag (the flag catalogue rules report invalid values; threshold rules skip them).
 */
import { parseDurationMs, type Bytes } from '../../core/units.js';
import { flagOf, type FlagsConfig, type FlagValue } from './types.js';

export interface TypedFlag<T> {
  readonly flag: FlagValue;
  /** The parsed value; undefined when the text does not parse as the flag's type. */
  readonly value: T | undefined;
}

export const parseFlagInt = (s: string): number | undefined => (/^[+-]?\d+$/.test(s.trim()) ? Number(s) : undefined);

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);
/** Go's strconv.ParseBool, which pflag uses for boolean flags. */
export const parseFlagBool = (s: string): boolean | undefined =>
  TRUE.has(s.trim()) ? true : FALSE.has(s.trim()) ? false : undefined;

const typed =
  <T>(parse: (s: string) => T | undefined) =>
  (c: FlagsConfig, name: string): TypedFlag<T> | undefined => {
    const flag = flagOf(c, name);
    return flag ? { flag, value: parse(flag.value) } : undefined;
  };

export const intFlag = typed(parseFlagInt);
export const boolFlag = typed(parseFlagBool);
export const durationMsFlag = typed(parseDurationMs);
export const bytesFlag = typed((s): Bytes | undefined => parseFlagInt(s));
export const stringFlag = typed((s) => s);

/** Caches one parsed view per config object (configs are immutable). */
export function memoView<V>(build: (c: FlagsConfig) => V): (c: FlagsConfig) => V {
  const cache = new WeakMap<FlagsConfig, V>();
  return (c) => {
    let v = cache.get(c);
    if (v === undefined) {
      v = build(c);
      cache.set(c, v);
    }
    return v;
  };
}
