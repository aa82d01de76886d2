/** Flag values of `kubetune rightsize`: spans and times. */
import { UsageError } from '../../core/errors.js';
import { parseDurationMs } from '../../core/units.js';

/** `14d`, `2w`, `36h`, `1m30s` → seconds. */
export function parseSpan(flag: string, v: string): number {
  const m = /^(\d+(?:\.\d+)?)([dw])$/.exec(v);
  const ms = m ? Number(m[1]) * (m[2] === 'w' ? 7 : 1) * 86_400_000 : parseDurationMs(v);
  if (ms === undefined || ms <= 0)
    throw new UsageError(`--${flag}: not a duration: ${JSON.stringify(v)} (e.g. 14d, 36h, 1m)`);
  return Math.round(ms / 1000);
}

/** RFC 3339 or unix seconds → unix seconds. */
export function parseTime(v: string): number {
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new UsageError(`--end: not a time: ${JSON.stringify(v)} (RFC 3339 or unix seconds)`);
  return Math.floor(t / 1000);
}
