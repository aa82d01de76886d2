/**
 * Test support: a real Prometheus for tests, demos and benchmarks.
 *
 *   // 1. history: write OpenMetrics (timestamps in seconds) and backfill it into a fresh TSDB, then start Prometheus
 *   const prom = await startBackfilledPrometheus([
 *     { name: 'etcd_disk_wal_fsync_duration_seconds', type: 'histogram',
 *       series: histogramSeries({ name: 'etcd_disk_wal_fsync_duration_seconds', labels: { instance: 'cp-1:2379' },
 *         buckets: [0.001, 0.01, 0.1, 1], range, ratePerSecond: 50, cdf: (le) => (le >= 0.01 ? 1 : 0.5) }) },
 *   ]);
 *   // prom.url, prom.endSeconds (query with time=prom.endSeconds: data ends there); await prom.stop();
 *
 *   // 2. live scraping of real components
 *   const prom = await startPrometheus({ scrape: [{ job: 'etcd', targets: ['127.0.0.1:2379'] }] });
 *
 * Prometheus runs on 127.0.0.1 with a free port, a temp TSDB (removed on stop) and retention 100y so backfilled
 * blocks survive start-up. stop() is idempotent: call it in afterAll.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, spawnService, tempDir, type ProcessHandle } from './processes.js';

export type Labels = Readonly<Record<string, string>>;
/** [unix time in seconds, value] */
export type Sample = readonly [number, number];

export interface SeriesData {
  /** Full sample name, e.g. `foo_total`, `foo_bucket`; defaults to the family name. */
  readonly metric?: string;
  readonly labels: Labels;
  /** Ascending in time. */
  readonly samples: Iterable<Sample>;
}

export interface MetricFamily {
  /** Metric name; for histograms the base name (samples `_bucket`, `_sum`, `_count` come from `series`). */
  readonly name: string;
  readonly type: 'counter' | 'gauge' | 'histogram' | 'unknown';
  readonly help?: string;
  readonly series: Iterable<SeriesData>;
}

export interface TimeRange {
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly stepSeconds: number;
}

/** Samples of `fn(t, i)` every step from start to end inclusive. */
export function* sampleRange(range: TimeRange, fn: (tSeconds: number, index: number) => number): Generator<Sample> {
  let i = 0;
  for (let t = range.startSeconds; t <= range.endSeconds; t += range.stepSeconds) yield [t, fn(t, i++)];
}

/** A cumulative counter growing at `ratePerSecond(t)` (constant when a number), starting from `initial`. */
export function* counterSamples(
  range: TimeRange,
  ratePerSecond: number | ((tSeconds: number) => number),
  initial = 0,
): Generator<Sample> {
  let value = initial;
  for (let t = range.startSeconds; t <= range.endSeconds; t += range.stepSeconds) {
    yield [t, value];
    value += (typeof ratePerSecond === 'number' ? ratePerSecond : ratePerSecond(t)) * range.stepSeconds;
  }
}

export interface HistogramSpec {
  /** Base name, e.g. `apiserver_request_duration_seconds`. */
  readonly name: string;
  readonly labels: Labels;
  /** Upper bounds without +Inf. */
  readonly buckets: readonly number[];
  readonly range: TimeRange;
  /** Observations per second. */
  readonly ratePerSecond: number;
  /** Share of observations ≤ le (a CDF); may depend on time to model an incident. */
  readonly cdf: (le: number, tSeconds: number) => number;
  /** Mean observed value, for `_sum`; defaults to the middle bucket. */
  readonly meanValue?: number;
}

/** The `_bucket`, `_sum` and `_count` series of a cumulative histogram. */
export function histogramSeries(spec: HistogramSpec): SeriesData[] {
  const mean = spec.meanValue ?? spec.buckets[Math.floor(spec.buckets.length / 2)] ?? 1;
  const perStep = spec.ratePerSecond * spec.range.stepSeconds;
  const cumulative = (share: (t: number) => number) => counterSamples(spec.range, (t) => share(t) * spec.ratePerSecond);
  const buckets: SeriesData[] = [...spec.buckets, Infinity].map((le) => ({
    metric: `${spec.name}_bucket`,
    labels: { ...spec.labels, le: le === Infinity ? '+Inf' : String(le) },
    samples: [...cumulative((t) => (le === Infinity ? 1 : Math.min(1, spec.cdf(le, t))))],
  }));
  return [
    ...buckets,
    {
      metric: `${spec.name}_sum`,
      labels: spec.labels,
      samples: [...counterSamples(spec.range, (perStep * mean) / spec.range.stepSeconds)],
    },
    { metric: `${spec.name}_count`, labels: spec.labels, samples: [...counterSamples(spec.range, spec.ratePerSecond)] },
  ];
}

const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const formatLabels = (labels: Labels): string => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};
const formatValue = (v: number): string =>
  Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v);

/** OpenMetrics metadata name: counters drop `_total` (an un-suffixed counter is written as `unknown`). */
function familyHeader(f: MetricFamily): string {
  const counter = f.type === 'counter' && f.name.endsWith('_total');
  const name = counter ? f.name.slice(0, -'_total'.length) : f.name;
  const type = f.type === 'counter' && !counter ? 'unknown' : f.type;
  return `# TYPE ${name} ${type}\n${f.help ? `# HELP ${name} ${f.help}\n` : ''}`;
}

/** Streams families as OpenMetrics text (timestamps in seconds, ends with `# EOF`) to `file`. */
export async function writeOpenMetrics(file: string, families: Iterable<MetricFamily>): Promise<void> {
  const out = createWriteStream(file);
  let buf = '';
  const flush = async () => {
    if (!out.write(buf)) await once(out, 'drain');
    buf = '';
  };
  for (const f of families) {
    buf += familyHeader(f);
    for (const s of f.series) {
      const prefix = `${s.metric ?? f.name}${formatLabels(s.labels)} `;
      for (const [t, v] of s.samples) {
        buf += `${prefix}${formatValue(v)} ${t}\n`;
        if (buf.length > 1 << 20) await flush();
      }
    }
  }
  buf += '# EOF\n';
  await flush();
  out.end();
  await once(out, 'finish');
}

/** Runs `promtool tsdb create-blocks-from openmetrics` into `dataDir` (max block 486h: fast for big inputs). */
export async function backfillOpenMetrics(openMetricsFile: string, dataDir: string): Promise<void> {
  const args = [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    '--quiet',
    '--max-block-duration=486h',
    openMetricsFile,
    dataDir,
  ];
  const child = spawn('promtool', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0)
    throw new Error(`promtool backfill of ${openMetricsFile} failed (exit ${code}):\n${out.slice(-4000)}`);
}

export interface ScrapeJob {
  readonly job: string;
  /** `host:port` targets. */
  readonly targets: readonly string[];
  readonly metricsPath?: string;
  readonly intervalSeconds?: number;
}

export interface PrometheusOptions {
  /** An existing TSDB dir (e.g. backfilled); a temp one is created (and removed on stop) when absent. */
  readonly dataDir?: string;
  readonly scrape?: readonly ScrapeJob[];
  readonly extraArgs?: readonly string[];
  readonly readyTimeoutMs?: number;
  /** Serve under a path prefix (`--web.route-prefix`), e.g. `/prometheus`; `url` then includes it. */
  readonly routePrefix?: string;
  /** Rule files (absolute paths) Prometheus loads and evaluates (`rule_files:`). */
  readonly ruleFiles?: readonly string[];
}

export interface PrometheusHandle extends ProcessHandle {
  readonly dataDir: string;
}

function configYaml(scrape: readonly ScrapeJob[], ruleFiles: readonly string[] = []): string {
  const jobs = scrape.map(
    (j) =>
      `  - job_name: ${JSON.stringify(j.job)}\n    scrape_interval: ${j.intervalSeconds ?? 1}s\n` +
      `    metrics_path: ${JSON.stringify(j.metricsPath ?? '/metrics')}\n` +
      `    static_configs:\n      - targets: ${JSON.stringify(j.targets)}\n`,
  );
  const rules = ruleFiles.length ? `rule_files: ${JSON.stringify(ruleFiles)}\n` : '';
  return `global:\n  scrape_interval: 15s\n  evaluation_interval: 15s\n${rules}scrape_configs:\n${jobs.join('')}`;
}

/** Starts Prometheus on 127.0.0.1:<free port>; resolves once /-/ready answers. */
export async function startPrometheus(opts: PrometheusOptions = {}): Promise<PrometheusHandle> {
  const work = await tempDir('prom');
  const dataDir = opts.dataDir ?? join(work, 'data');
  const config = join(work, 'prometheus.yml');
  await writeFile(config, configYaml(opts.scrape ?? [], opts.ruleFiles));
  const port = await freePort();
  const handle = await spawnService({
    command: 'prometheus',
    args: [
      `--config.file=${config}`,
      `--storage.tsdb.path=${dataDir}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
      ...(opts.routePrefix ? [`--web.route-prefix=${opts.routePrefix}`] : []),
      ...(opts.extraArgs ?? []),
    ],
    port,
    readyPath: `${opts.routePrefix ?? ''}/-/ready`,
    readyTimeoutMs: opts.readyTimeoutMs ?? 60_000,
    ownedDirs: opts.dataDir ? [work] : [work, dataDir],
  });
  return { ...handle, url: `${handle.url}${opts.routePrefix ?? ''}`, dataDir };
}

export interface BackfilledPrometheus extends PrometheusHandle {
  /** Latest sample time written (seconds): query with `time=` this, not "now". */
  readonly endSeconds: number;
}

/** Writes `families` as OpenMetrics, backfills them into a fresh TSDB and starts Prometheus on it. */
export async function startBackfilledPrometheus(
  families: Iterable<MetricFamily>,
  opts: Omit<PrometheusOptions, 'dataDir'> = {},
): Promise<BackfilledPrometheus> {
  const work = await tempDir('backfill');
  const dataDir = join(work, 'data');
  const file = join(work, 'input.om');
  let endSeconds = 0;
  const tracked = trackEnd(families, (t) => (endSeconds = Math.max(endSeconds, t)));
  try {
    await writeOpenMetrics(file, tracked);
    await backfillOpenMetrics(file, dataDir);
    await rm(file, { force: true });
    const prom = await startPrometheus({ ...opts, dataDir });
    const stop = prom.stop;
    let stopping: Promise<void> | undefined;
    return {
      ...prom,
      endSeconds,
      stop: () => (stopping ??= stop().then(() => rm(work, { recursive: true, force: true }))),
    };
  } catch (e) {
    await rm(work, { recursive: true, force: true });
    throw e;
  }
}

function* trackEnd(families: Iterable<MetricFamily>, seen: (t: number) => void): Generator<MetricFamily> {
  for (const f of families) {
    yield {
      ...f,
      series: (function* () {
        for (const s of f.series) {
          yield {
            ...s,
            samples: (function* () {
              for (const sample of s.samples) {
                seen(sample[0]);
                yield sample;
              }
            })(),
          };
        }
      })(),
    };
  }
}
