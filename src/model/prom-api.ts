/**
 * The Prometheus port: the two calls analyzers need, as a tiny interface. `sources/prometheus` implements it over
 * HTTP (Prometheus, Thanos, Mimir, VictoriaMetrics); tests may implement it in memory.
 */
export type Labels = Readonly<Record<string, string>>;

/** One element of an instant vector (a scalar result becomes one element without labels). */
export interface InstantSample {
  readonly labels: Labels;
  readonly value: number;
}

export interface RangeSeries {
  readonly labels: Labels;
  /** [unix seconds, value], ascending. */
  readonly values: readonly (readonly [number, number])[];
}

/** What every answer carries besides data: server warnings, and whether the data is known to be incomplete. */
export interface ResponseMeta {
  readonly warnings: readonly string[];
  /** Thanos/Mimir/VictoriaMetrics partial responses (a store or shard did not answer). */
  readonly partial: boolean;
}

export interface InstantResult extends ResponseMeta {
  readonly series: readonly InstantSample[];
}

export interface RangeResult extends ResponseMeta {
  readonly series: readonly RangeSeries[];
}

export interface TimeWindow {
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly stepSeconds: number;
}

export interface PromApi {
  /** Evaluates `promql` at `timeSeconds` (server "now" when absent). */
  instantQuery(promql: string, opts?: { readonly timeSeconds?: number }): Promise<InstantResult>;
  rangeQuery(promql: string, window: TimeWindow): Promise<RangeResult>;
}
