/**
 * The one duration parser and the one time parser of every flag and config value (`--window 1h`, `--history 14d`,
 * `--timeout 30s`, `--time 2026-11-23T10:00:00Z`, `--end 1763892000`).
 */

const SECONDS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

/**
 * A Prometheus-style duration (`90s`, `1h30m`, `250ms`, `14d`, `2w`, `1y`; units ms s m h d w y, decimals allowed)
 * → seconds; undefined when the text is not one, or is zero.
 */
export function parseDurationSeconds(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/gy;
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    total += Number(m[1]) * SECONDS[m[2]!]!;
    consumed += m[0].length;
  }
  return consumed === text.length && consumed > 0 && total > 0 ? total : undefined;
}

/** Unix seconds (decimals allowed) or an RFC 3339 / ISO 8601 date → unix seconds; undefined when neither. */
export function parseTimeSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

/** Seconds → the shortest duration parseDurationSeconds reads back (`3600` → `1h`, `5400` → `1h30m`). */
export function formatDurationSeconds(seconds: number): string {
  if (!(seconds > 0)) return `${seconds}s`;
  let rest = Math.round(seconds * 1000);
  let out = '';
  for (const [unit, factor] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1],
  ] as const) {
    if (rest >= factor) {
      out += `${Math.floor(rest / factor)}${unit}`;
      rest %= factor;
    }
  }
  return out;
}
