/** Display of KPI values and series for findings (pure). */
import type { KpiUnit } from '../knowledge/kpis.js';
import { humanBytes } from '../core/units.js';
import type { Labels } from '../model/prom-api.js';

const round = (v: number, digits = 3): string => String(Number(v.toPrecision(digits)));

export function formatKpiValue(value: number, unit: KpiUnit): string {
  switch (unit) {
    case 'seconds':
      return value < 1 ? `${round(value * 1000)} ms` : `${round(value)} s`;
    case 'ratio':
      return `${round(value * 100)}%`;
    case 'bytes':
      return humanBytes(value);
    case 'per-second':
      return `${round(value)}/s`;
    case 'count':
      return round(value);
  }
}

/** `verb=LIST,resource=pods`: the labels that tell series apart (grouping labels only). */
export const formatLabels = (labels: Labels): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',') || '(all)';

export function formatDuration(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
