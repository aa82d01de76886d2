/**
 * The two contenders of bench:rightsize, each run in its own child process so that time and peak RSS are its own.
 */
import { aggregateEvidence, indexOwners } from '../src/analyzers/rightsize/aggregate.js';
import { rightsize } from '../src/analyzers/rightsize/analyze.js';
import { collectPodStats, podKey } from '../src/analyzers/rightsize/collect.js';
import { DEFAULT_PARAMS } from '../src/analyzers/rightsize/params.js';
import { discoverySelector } from '../src/analyzers/rightsize/queries.js';
import { statsNeeded } from '../src/analyzers/rightsize/strategies.js';
import type { PodContainerKey } from '../src/analyzers/rightsize/types.js';
import { PrometheusClient } from '../src/sources/prometheus/client.js';

export interface ChildOptions {
  readonly url: string;
  readonly endSeconds: number;
  readonly windowSeconds: number;
  /** Baseline only: measure every k-th container. */
  readonly stride: number;
  /** kubetune only: take CPU statistics from the recorded CPU rate when the cluster has one. */
  readonly useRecordingRules: boolean;
}

type Sample = Partial<Record<'cpuP95' | 'cpuMax' | 'memP50' | 'memMax' | 'memPoints', number>>;

export interface ChildResult {
  readonly ms: number;
  readonly queries: number;
  readonly bytes: number;
  readonly maxRssKb: number;
  readonly containers: number;
  /** The recording rules CPU statistics were read from (empty: raw counters). */
  readonly recordedRules?: readonly string[];
  /** Statistics of every 97th container, to cross-check the two. */
  readonly sample: Readonly<Record<string, Sample>>;
}

const STEP = 60;
const SAMPLE_EVERY = 97;
const keyText = (k: PodContainerKey) => podKey(k).replaceAll('\u0000', '/');

export async function runKubetuneChild(o: ChildOptions): Promise<ChildResult> {
  const started = performance.now();
  const prom = new PrometheusClient({ url: o.url, timeoutMs: 300_000 });
  const params = { ...DEFAULT_PARAMS, historySeconds: o.windowSeconds, resolutionSeconds: STEP };
  const collected = await collectPodStats(prom, {
    endSeconds: o.endSeconds,
    windowSeconds: o.windowSeconds,
    resolutionSeconds: STEP,
    stats: statsNeeded(['guide'], false),
    useRecordingRules: o.useRecordingRules,
  });
  if (o.useRecordingRules && collected.cpuRecorded.size === 0) throw new Error('the recorded CPU rate was not used');
  const evidence = aggregateEvidence(collected.pods.values(), indexOwners(collected.owners), [], {
    resolutionSeconds: STEP,
    windowSeconds: o.windowSeconds,
  });
  const outcome = rightsize({ specs: [], evidence }, 'guide', params);
  const ms = performance.now() - started;
  const sample: Record<string, Sample> = {};
  [...collected.pods.values()]
    .sort((a, b) => podKey(a.key).localeCompare(podKey(b.key)))
    .forEach((p, i) => {
      if (i % SAMPLE_EVERY !== 0) return;
      const s = p.stats;
      sample[keyText(p.key)] = {
        cpuP95: s.cpuP95,
        cpuMax: s.cpuMax,
        memP50: s.memP50,
        memMax: s.memMax,
        memPoints: s.memPoints,
      } as Sample;
    });
  if (outcome.totals.recommended === 0) throw new Error('kubetune recommended nothing');
  return {
    ms,
    queries: prom.stats().queries,
    bytes: prom.stats().bytes,
    maxRssKb: process.resourceUsage().maxRSS,
    containers: collected.pods.size,
    recordedRules: [...new Set(collected.cpuRecorded.values())].sort(),
    sample,
  };
}

/** Prometheus' quantile: linear interpolation at rank q·(n-1). */
function quantile(sorted: Float64Array, q: number): number {
  const rank = q * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

async function prometheusMajor(url: string): Promise<number> {
  const info = (await (await fetch(`${url}/api/v1/status/buildinfo`)).json()) as { data?: { version?: string } };
  return Number(/^(\d+)\./.exec(info.data?.version ?? '')?.[1] ?? 3);
}

export async function runBaselineChild(o: ChildOptions): Promise<ChildResult> {
  const started = performance.now();
  const prom = new PrometheusClient({ url: o.url, timeoutMs: 300_000 });
  // The same samples a range selector `[window]` at `end` covers: Prometheus 2.x selects [end − window, end], 3.x
  // (end − window, end] (left-open since 3.0, per its migration guide).
  const start = o.endSeconds - o.windowSeconds + ((await prometheusMajor(o.url)) >= 3 ? STEP : 0);
  const series = await prom.series([discoverySelector(undefined)], { startSeconds: start, endSeconds: o.endSeconds });
  const keys = new Map<string, PodContainerKey>();
  for (const l of series)
    if (l['namespace'] && l['pod'] && l['container'])
      keys.set(`${l['namespace']}/${l['pod']}/${l['container']}`, {
        namespace: l['namespace'],
        pod: l['pod'],
        container: l['container'],
      });
  const all = [...keys.values()].sort((a, b) => podKey(a).localeCompare(podKey(b)));
  const chosen = all.map((k, i) => ({ k, i })).filter(({ i }) => i % o.stride === 0);
  const window = { startSeconds: start, endSeconds: o.endSeconds, stepSeconds: STEP };
  const sample: Record<string, Sample> = {};
  await Promise.all(
    chosen.map(async ({ k, i }) => {
      const sel = `namespace="${k.namespace}",pod="${k.pod}",container="${k.container}"`;
      const [cpu, mem] = await Promise.all([
        prom.rangeQuery(`irate(container_cpu_usage_seconds_total{${sel}}[${3 * STEP}s])`, window),
        prom.rangeQuery(`container_memory_working_set_bytes{${sel}}`, window),
      ]);
      const c = Float64Array.from(cpu.series[0]?.values.map(([, v]) => v * 1000) ?? []).sort();
      const m = Float64Array.from(mem.series[0]?.values.map(([, v]) => v) ?? []).sort();
      const stats: Sample = {
        cpuP95: quantile(c, 0.95),
        cpuMax: c[c.length - 1]!,
        memP50: quantile(m, 0.5),
        memMax: m[m.length - 1]!,
        memPoints: m.length,
      };
      if (i % SAMPLE_EVERY === 0) sample[keyText(k)] = stats;
    }),
  );
  const ms = performance.now() - started;
  return {
    ms,
    queries: prom.stats().queries,
    bytes: prom.stats().bytes,
    maxRssKb: process.resourceUsage().maxRSS,
    containers: chosen.length,
    sample,
  };
}
