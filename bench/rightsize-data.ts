/**
 * Benchmark data for `bench:rightsize`: N containers × D days at 1-minute resolution of cAdvisor CPU (counter) and
 * working set (gauge), backfilled with promtool one day at a time (non-overlapping blocks, so Prometheus never has
 * to merge them), cached under .bench-data/ keyed by the shape.
 *
 * Shape: 20 namespaces, Deployments of 5 replicas, pods of 2 containers (app + sidecar). Usage follows a daily
 * cycle with per-container phase, amplitude and noise, deterministic from the container index.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CPU_RECORDING_RULES } from '../src/analyzers/rightsize/queries.js';
import { dumpYaml } from '../src/generate/monitoring/render-rules.js';
import { rightsizeRules } from '../src/generate/monitoring/rightsize-rules.js';
import {
  backfillOpenMetrics,
  startPrometheus,
  writeOpenMetrics,
  type MetricFamily,
  type SeriesData,
} from '../test/support/prometheus.js';

export interface BenchShape {
  readonly containers: number;
  readonly days: number;
  readonly stepSeconds: number;
  /** End of the data (unix seconds, aligned to the day). */
  readonly endSeconds: number;
  /**
   * The recorded per-container CPU rate a cluster's rules would have: `kube-prometheus` backfills kubernetes-mixin's
   * series computed here; `kubetune` loads kubetune's own rightsize recording rules (`kubetune generate rules`) and
   * has promtool evaluate them over the backfilled raw series (`tsdb create-blocks-from rules`), as Prometheus
   * would have recorded them; `none` leaves only the raw counters.
   */
  readonly recordingRule: RecordingRuleSource;
}

export const RECORDING_RULE_SOURCES = ['kube-prometheus', 'kubetune', 'none'] as const;
export type RecordingRuleSource = (typeof RECORDING_RULE_SOURCES)[number];

export const NAMESPACES = 20;
const REPLICAS = 5;
const CONTAINERS_PER_POD = 2;
const MiB = 2 ** 20;

export interface ContainerId {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
}

/** Deterministic pseudo-random in [0, 1) from two integers (a small integer hash). */
function noise(a: number, b: number): number {
  let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
  return ((h ^ (h >>> 15)) >>> 0) / 2 ** 32;
}

export function containerIds(shape: BenchShape): ContainerId[] {
  const out: ContainerId[] = [];
  const pods = Math.ceil(shape.containers / CONTAINERS_PER_POD);
  for (let p = 0; p < pods; p++) {
    const ns = `team-${String(p % NAMESPACES).padStart(2, '0')}`;
    const deployment = Math.floor(p / NAMESPACES / REPLICAS);
    const replica = Math.floor(p / NAMESPACES) % REPLICAS;
    const hash = (noise(deployment, 7) * 2 ** 32).toString(36).slice(0, 9).padEnd(9, '0');
    const pod = `svc-${deployment}-${hash}-${(noise(p, 11) * 2 ** 32).toString(36).slice(0, 5).padEnd(5, '0')}`;
    void replica;
    for (let c = 0; c < CONTAINERS_PER_POD && out.length < shape.containers; c++)
      out.push({ namespace: ns, pod, container: c === 0 ? 'app' : 'proxy' });
  }
  return out;
}

/** CPU usage (millicores) of container `i` at minute `m`: a daily cycle plus noise and rare spikes. */
export function cpuAt(i: number, m: number): number {
  const base = 20 + noise(i, 1) * 400;
  const cycle = 1 + 0.6 * Math.sin((2 * Math.PI * m) / 1440 + noise(i, 2) * 6.28);
  const spike = noise(i * 31 + m, 3) > 0.999 ? 3 : 1;
  return Math.round(base * cycle * (0.8 + 0.4 * noise(i, m)) * spike);
}

/** Working set (bytes, whole MiB) of container `i` at minute `m`. */
export function memoryAt(i: number, m: number): number {
  const base = 64 + noise(i, 4) * 900;
  const cycle = 1 + 0.2 * Math.sin((2 * Math.PI * m) / 1440 + noise(i, 5) * 6.28);
  return Math.round(base * cycle + noise(i, m + 7) * 16) * MiB;
}

function* range(
  from: number,
  to: number,
  step: number,
  f: (t: number, m: number) => number,
): Generator<readonly [number, number]> {
  for (let t = from; t < to; t += step) yield [t, f(t, Math.floor(t / 60))];
}

interface Day {
  readonly shape: BenchShape;
  readonly ids: readonly ContainerId[];
  /** CPU counters carried from one day to the next. */
  readonly counters: Float64Array;
  readonly from: number;
  readonly to: number;
  /** The first day: the recorded rate starts one step later (irate needs two samples). */
  readonly first: boolean;
}

function dayFamilies({ shape, ids, counters, from, to, first }: Day): MetricFamily[] {
  const cpu: SeriesData[] = [];
  const mem: SeriesData[] = [];
  const recorded: SeriesData[] = [];
  ids.forEach((id, i) => {
    // What kube-prometheus' `sum by (namespace, pod, container) (irate(...[5m]))` rule records every minute: the
    // per-minute rate of the counter below (its increments are whole millicore-minutes, so the two agree exactly).
    recorded.push({
      labels: { namespace: id.namespace, pod: id.pod, container: id.container, node: `node-${i % 500}` },
      samples: range(first ? from + shape.stepSeconds : from, to, shape.stepSeconds, (_t, m) => cpuAt(i, m) / 1000),
    });
    cpu.push({
      labels: { namespace: id.namespace, pod: id.pod, container: id.container },
      samples: range(from, to, shape.stepSeconds, (_t, m) => {
        // Whole core-milliseconds, so the counter is exact and its per-minute rate is exactly cpuAt / 1000.
        counters[i] = counters[i]! + cpuAt(i, m) * shape.stepSeconds;
        return counters[i]! / 1000;
      }),
    });
    mem.push({
      labels: { namespace: id.namespace, pod: id.pod, container: id.container },
      samples: range(from, to, shape.stepSeconds, (_t, m) => memoryAt(i, m)),
    });
  });
  return [
    { name: 'container_cpu_usage_seconds_total', type: 'counter', series: cpu },
    { name: 'container_memory_working_set_bytes', type: 'gauge', series: mem },
    ...(shape.recordingRule === 'kube-prometheus'
      ? [{ name: CPU_RECORDING_RULES[0], type: 'gauge' as const, series: recorded }]
      : []),
  ];
}

export const dataDirFor = (root: string, s: BenchShape): string =>
  join(root, `rightsize-${s.containers}c-${s.days}d-${s.stepSeconds}s-${s.endSeconds}${RULE_SUFFIX[s.recordingRule]}`);
const RULE_SUFFIX: Record<RecordingRuleSource, string> = { 'kube-prometheus': '-rec', kubetune: '-ktrules', none: '' };

/** Backfills (or reuses) the TSDB for `shape`; returns its directory and how long the backfill took. */
export async function ensureBenchData(
  root: string,
  shape: BenchShape,
  log: (s: string) => void,
): Promise<{ dir: string; backfillMs: number; reused: boolean }> {
  const dir = dataDirFor(root, shape);
  const marker = join(dir, 'kubetune-bench.json');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === JSON.stringify(shape))
    return { dir, backfillMs: 0, reused: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const ids = containerIds(shape);
  const counters = new Float64Array(ids.length).fill(1_000_000);
  const started = performance.now();
  const start = shape.endSeconds - shape.days * 86_400;
  // Days are written in order (the CPU counters carry over) while earlier days are backfilled, two promtools at a time.
  const running = new Set<Promise<void>>();
  let done = 0;
  for (let d = 0; d < shape.days; d++) {
    const from = start + d * 86_400;
    const file = join(dir, `day-${d}.om`);
    await writeOpenMetrics(file, dayFamilies({ shape, ids, counters, from, to: from + 86_400, first: d === 0 }));
    const job: Promise<void> = backfillOpenMetrics(file, dir).then(() => {
      rmSync(file, { force: true });
      running.delete(job);
      log(`  backfilled ${++done}/${shape.days} days (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    });
    running.add(job);
    if (running.size >= 2) await Promise.race(running);
  }
  await Promise.all(running);
  // The recorded series starts two steps after the first raw sample (irate needs two samples, and promtool's first
  // evaluation has none before it): bench/rightsize.ts leaves the window's first minutes out for every contender.
  if (shape.recordingRule === 'kubetune') await backfillKubetuneRules(dir, start, shape.endSeconds, log);
  writeFileSync(marker, JSON.stringify(shape));
  return { dir, backfillMs: performance.now() - started, reused: false };
}

/**
 * Evaluates kubetune's own rightsize recording rules (src/generate/monitoring/rightsize-rules.ts, as `kubetune
 * generate rules` writes them) over the raw series already in `dir`: a Prometheus serves them, promtool
 * evaluates the rules every minute from `start` to `end` and writes blocks, which join the data directory.
 */
async function backfillKubetuneRules(dir: string, start: number, end: number, log: (s: string) => void): Promise<void> {
  const started = performance.now();
  const work = join(dir, 'rules-backfill');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const rulesFile = join(work, 'kubetune-rightsize.rules.yml');
  writeFileSync(rulesFile, dumpYaml({ groups: [{ ...rightsizeRules('cluster'), interval: '1m' }] }));
  // No compaction while promtool reads (the day blocks stay as backfilled).
  const prom = await startPrometheus({
    dataDir: dir,
    extraArgs: [
      '--storage.tsdb.min-block-duration=2h',
      '--storage.tsdb.max-block-duration=2h',
      '--query.max-samples=200000000',
    ],
  });
  try {
    const out = join(work, 'blocks');
    const child = spawn(
      'promtool',
      [
        'tsdb',
        'create-blocks-from',
        'rules',
        '--quiet',
        `--url=${prom.url}`,
        `--start=${start}`,
        `--end=${end}`,
        `--output-dir=${out}`,
        rulesFile,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let text = '';
    child.stdout.on('data', (b: Buffer) => (text += b.toString()));
    child.stderr.on('data', (b: Buffer) => (text += b.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`promtool create-blocks-from rules failed (exit ${code}):\n${text.slice(-4000)}`);
    await prom.stop();
    for (const block of readdirSync(out)) renameSync(join(out, block), join(dir, block));
  } finally {
    await prom.stop().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
  log(`  kubetune's recording rules evaluated by promtool in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
