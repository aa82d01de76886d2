/** Rows for the model: feature values and one target, aligned on the query step's timestamps. */
import type { RangeSeries } from '../../model/prom-api.js';

export interface Dataset {
  /** Feature names, in column order. */
  readonly features: readonly string[];
  readonly t: readonly number[];
  readonly x: readonly (readonly number[])[];
  readonly y: readonly number[];
  /** Rows kept / steps in the window. */
  readonly coverage: number;
  /** Features with too little data to use, with the share of steps they had. */
  readonly dropped: readonly { readonly feature: string; readonly coverage: number }[];
}

/** The first series of a result as a map time → value (features and targets are aggregated to one series). */
export function seriesMap(series: readonly RangeSeries[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const [t, v] of series[0]?.values ?? []) if (Number.isFinite(v)) m.set(t, v);
  return m;
}

export interface DatasetInput {
  readonly features: ReadonlyMap<string, Map<number, number>>;
  readonly target: Map<number, number>;
  readonly steps: number;
  /** A feature present in fewer steps than this share is dropped rather than dropping rows. Default 0.5. */
  readonly minFeatureCoverage?: number;
}

export function buildDataset(input: DatasetInput): Dataset {
  const min = input.minFeatureCoverage ?? 0.5;
  const kept: string[] = [];
  const dropped: { feature: string; coverage: number }[] = [];
  for (const [name, m] of input.features) {
    const coverage = input.steps ? m.size / input.steps : 0;
    // A constant feature carries no information and would only add noise to the splits.
    const values = new Set(m.values());
    if (coverage < min || values.size < 2) dropped.push({ feature: name, coverage });
    else kept.push(name);
  }
  const t: number[] = [];
  const x: number[][] = [];
  const y: number[] = [];
  for (const [time, value] of [...input.target].sort((a, b) => a[0] - b[0])) {
    const row = kept.map((f) => input.features.get(f)!.get(time));
    if (row.some((v) => v === undefined)) continue;
    t.push(time);
    x.push(row as number[]);
    y.push(value);
  }
  return { features: kept, t, x, y, coverage: input.steps ? t.length / input.steps : 0, dropped };
}
