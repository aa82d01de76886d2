/** Splitting long range queries into chunks, and merging the chunks back. */
import type { Labels, RangeResult, RangeSeries, TimeWindow } from '../../model/prom-api.js';

/**
 * Splits `window` into consecutive chunks of at most `maxPoints` steps. Chunks are aligned to the step and do not
 * overlap (chunk k ends one step before chunk k+1 starts), so merged series have no duplicate timestamps.
 */
export function splitRange(window: TimeWindow, maxPoints: number): TimeWindow[] {
  const step = window.stepSeconds;
  if (!(step > 0) || window.endSeconds < window.startSeconds) return [window];
  const span = Math.max(1, Math.floor(maxPoints)) * step;
  const chunks: TimeWindow[] = [];
  for (let start = window.startSeconds; start <= window.endSeconds; start += span) {
    chunks.push({
      startSeconds: start,
      endSeconds: Math.min(start + span - step, window.endSeconds),
      stepSeconds: step,
    });
  }
  return chunks;
}

const keyOf = (labels: Labels): string =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}\u0001${labels[k]}`)
    .join('\u0000');

/** Concatenates chunk results per series (in chunk order), and unions their warnings and partial flags. */
export function mergeRangeChunks(parts: readonly RangeResult[]): RangeResult {
  if (parts.length === 1) return parts[0]!;
  const series = new Map<string, { labels: Labels; values: (readonly [number, number])[] }>();
  for (const part of parts) {
    for (const s of part.series) {
      const k = keyOf(s.labels);
      const entry = series.get(k) ?? { labels: s.labels, values: [] };
      entry.values.push(...s.values);
      series.set(k, entry);
    }
  }
  const merged: RangeSeries[] = [...series.values()].map((s) => ({
    labels: s.labels,
    values: s.values.sort((a, b) => a[0] - b[0]),
  }));
  return {
    series: merged,
    warnings: [...new Set(parts.flatMap((p) => p.warnings))],
    partial: parts.some((p) => p.partial),
  };
}
