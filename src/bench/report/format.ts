import type { MetricUnit } from '../../model/bench.js';

const fixed = (v: number, digits: number): string => v.toFixed(digits);

/** A value in its unit, scaled for people: 2.78 Gbit/s, 81.6 MiB/s, 0.016 ms, 19 927 IOPS. */
export function formatValue(value: number, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return String(value);
  switch (unit) {
    case 'bits/s':
      return value >= 1e9 ? `${fixed(value / 1e9, 2)} Gbit/s` : `${fixed(value / 1e6, 1)} Mbit/s`;
    case 'bytes/s':
      return value >= 2 ** 30 ? `${fixed(value / 2 ** 30, 2)} GiB/s` : `${fixed(value / 2 ** 20, 1)} MiB/s`;
    case 'ms':
      return value >= 100 ? `${fixed(value, 0)} ms` : value >= 1 ? `${fixed(value, 2)} ms` : `${fixed(value, 3)} ms`;
    case 'percent':
      return `${fixed(value, 2)} %`;
    case 'iops':
      return `${Math.round(value)} IOPS`;
    case 'pods/s':
      return `${fixed(value, 1)} pods/s`;
    case 'ops/s':
      return `${fixed(value, value >= 100 ? 0 : 1)} ops/s`;
    case 'count':
      return String(Math.round(value));
  }
}

export const formatPct = (v: number | undefined): string =>
  v === undefined ? '' : !Number.isFinite(v) ? '∞' : `${v >= 0 ? '+' : ''}${v.toFixed(1)}%`;
