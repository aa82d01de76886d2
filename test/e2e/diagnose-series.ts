/** Small builders of scenario series (see diagnose-scenarios.ts): counters, gauges, histograms with a p99 tail. */
import {
  counterSamples,
  histogramSeries,
  sampleRange,
  type Labels,
  type SeriesData,
  type TimeRange,
} from '../support/prometheus.js';

export type Fault = 'slow-etcd-disk' | 'apiserver-overload' | 'node-memory-pressure' | 'cpu-throttled-service';

/** A CDF with 98.5% of observations below `typical` and the tail up to `p99`: histogram_quantile(0.99) ≈ p99's bucket. */
export const tail = (typical: number, p99: number) => (le: number) => (le < typical ? 0 : le < p99 ? 0.985 : 1);
export const cp = (i: number) => `10.0.0.${i + 1}`;
export const node = (i: number) => `10.0.${1 + Math.floor(i / 250)}.${(i % 250) + 1}`;

export type HistArgs = [
  name: string,
  labels: Labels,
  buckets: readonly number[],
  range: TimeRange,
  rate: number,
  cdf: (le: number) => number,
];
export const hist = (...[name, labels, buckets, range, rate, cdf]: HistArgs): SeriesData[] =>
  histogramSeries({ name, labels, buckets, range, ratePerSecond: rate, cdf });
export const counter = (metric: string, labels: Labels, range: TimeRange, rate: number): SeriesData => ({
  metric,
  labels,
  samples: counterSamples(range, rate),
});
export const gauge = (metric: string, labels: Labels, range: TimeRange, value: number): SeriesData => ({
  metric,
  labels,
  samples: sampleRange(range, () => value),
});

/** Bucket boundaries of the real scrapes (apiserver SLI, etcd disk, apiserver→etcd, scheduler). */
export const API_BUCKETS = [0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60];
export const ETCD_BUCKETS = [
  0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192,
];
export const ETCD_REQ_BUCKETS = [
  0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60,
];
export const SCHED_BUCKETS = [
  0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192, 16.384,
];
