/** Parsers of flag values shared by commands. */
import { UsageError } from '../core/errors.js';

/** Parses a positive integer flag. */
export function positiveInt(name: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1)
      throw new UsageError(`${name} must be a positive integer (got ${JSON.stringify(v)})`);
    return n;
  };
}
