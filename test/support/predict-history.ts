/**
 * History generated from a known function, for `predict` tests and `npm run demo:predict`:
 *   LIST p99 = 0.05 s + 0.0001 s × pods + 0.004 s × LIST/s + 10 × etcd fsync p99 (+ noise)
 *   GET  p99 = 0.02 s + 3 × etcd fsync p99 (+ noise)          POST p99 = pure noise when `noiseOnly`
 * Drivers move on their own periods (pods daily with growth, LIST rate every 7.3 h, fsync every 13 h), so they are not
 * collinear. Latency is written as real histograms (exponential distributions whose p99 is the function), so the
 * model learns from `histogram_quantile` exactly as on a cluster.
 */
import { counterSamples, histogramSeries, sampleRange, type MetricFamily, type TimeRange } from './prometheus.js';

const LN100 = Math.log(100);
const BUCKETS = Array.from({ length: 40 }, (_, i) => Number((0.002 * 1.25 ** i).toPrecision(3)));

function noiseAt(seed: number): (t: number) => number {
  return (t) => {
    let x = Math.imul((t / 60) ^ seed, 0x9e3779b1) >>> 0;
    x = Math.imul(x ^ (x >>> 15), 0x85ebca6b) >>> 0;
    return ((x ^ (x >>> 13)) >>> 0) / 4294967296 - 0.5;
  };
}

export interface PredictHistory {
  readonly range: TimeRange;
  readonly families: MetricFamily[];
  readonly pods: (t: number) => number;
  readonly listQps: (t: number) => number;
  readonly fsyncP99: (t: number) => number;
  readonly listP99: (t: number) => number;
}

export function predictHistory(
  days: number,
  opts: { readonly endSeconds?: number; readonly noiseOnly?: boolean } = {},
): PredictHistory {
  const end = opts.endSeconds ?? Math.floor(Date.now() / 1000 / 3600) * 3600;
  const range: TimeRange = { startSeconds: end - days * 86_400, endSeconds: end, stepSeconds: 120 };
  const start = range.startSeconds;
  const wave = (t: number, periodH: number): number => Math.sin((2 * Math.PI * (t - start)) / (periodH * 3600));
  const pods = (t: number): number => 2000 + 1200 * wave(t, 24) + (600 * (t - start)) / (days * 86_400);
  const listQps = (t: number): number => 25 + 18 * wave(t, 7.3);
  const fsyncP99 = (t: number): number => 0.006 + 0.004 * wave(t, 13);
  const n1 = noiseAt(1);
  const n2 = noiseAt(2);
  const n3 = noiseAt(3);
  const listP99 = (t: number): number => 0.05 + 0.0001 * pods(t) + 0.004 * listQps(t) + 10 * fsyncP99(t);
  const list = opts.noiseOnly ? (t: number) => 0.4 + 0.3 * n1(t) : (t: number) => listP99(t) * (1 + 0.06 * n1(t));
  const get = opts.noiseOnly
    ? (t: number) => 0.05 + 0.04 * n2(t)
    : (t: number) => (0.02 + 3 * fsyncP99(t)) * (1 + 0.06 * n2(t));
  const post = (t: number): number => 0.08 + 0.06 * n3(t);
  const expCdf = (p99: (t: number) => number) => (le: number, t: number) => 1 - Math.exp((-le * LN100) / p99(t));
  const latency = (labels: Record<string, string>, p99: (t: number) => number, rate: number) =>
    histogramSeries({
      name: 'apiserver_request_duration_seconds',
      labels,
      buckets: BUCKETS,
      range,
      ratePerSecond: rate,
      cdf: expCdf(p99),
    });
  const nodes = ['node-1', 'node-2', 'node-3', 'node-4'];
  const families: MetricFamily[] = [
    {
      name: 'kubelet_running_pods',
      type: 'gauge',
      series: nodes.map((node) => ({
        labels: { node, job: 'kubelet' },
        samples: sampleRange(range, (t) => Math.round(pods(t) / nodes.length)),
      })),
    },
    {
      name: 'apiserver_request',
      type: 'counter',
      series: [
        {
          metric: 'apiserver_request_total',
          labels: { job: 'apiserver', verb: 'LIST', code: '200' },
          samples: counterSamples(range, listQps),
        },
        {
          metric: 'apiserver_request_total',
          labels: { job: 'apiserver', verb: 'GET', code: '200' },
          samples: counterSamples(range, 40),
        },
        {
          metric: 'apiserver_request_total',
          labels: { job: 'apiserver', verb: 'POST', code: '201' },
          samples: counterSamples(range, (t) => 10 + 5 * wave(t, 5)),
        },
      ],
    },
    {
      name: 'etcd_disk_wal_fsync_duration_seconds',
      type: 'histogram',
      series: histogramSeries({
        name: 'etcd_disk_wal_fsync_duration_seconds',
        labels: { job: 'etcd', instance: 'cp-1:2379' },
        buckets: BUCKETS,
        range,
        ratePerSecond: 50,
        cdf: expCdf(fsyncP99),
      }),
    },
    {
      name: 'apiserver_request_duration_seconds',
      type: 'histogram',
      series: [
        ...latency({ job: 'apiserver', verb: 'LIST', scope: 'cluster' }, list, 20),
        ...latency({ job: 'apiserver', verb: 'GET', scope: 'resource' }, get, 40),
        ...latency({ job: 'apiserver', verb: 'POST', scope: 'namespace' }, post, 10),
      ],
    },
  ];
  return { range, families, pods, listQps, fsyncP99, listP99 };
}
