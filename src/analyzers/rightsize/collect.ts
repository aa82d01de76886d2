/**
 * Runs the declared queries through the Prometheus port: discovers (namespace, pod, container) through the series
 * API, then issues one instant query per namespace and statistic — splitting a namespace into pod chunks when it
 * holds more containers than `maxSeriesPerQuery` — and folds the answers into per-pod statistics.
 * No I/O of its own: the port does it.
 */
import type { InstantSample, Labels, PromApi, RangeSeries } from '../../model/prom-api.js';
import {
  chunkMatchers,
  CPU_RECORDING_RULES,
  recordedSelector,
  discoverySelector,
  hpaTargetsQuery,
  OWNER_SELECTORS,
  REPLAY_QUERIES,
  STAT_QUERIES,
  STAT_SCALE,
  type QueryScope,
} from './queries.js';
import type { PodContainerKey, PodStats, StatName } from './types.js';
import { EmptyWindowError } from './window.js';

/** The Prometheus calls rightsizing needs: the PromApi port plus the (index-only) series API. */
export interface RightsizePromApi extends PromApi {
  series(match: readonly string[], range?: { startSeconds: number; endSeconds: number }): Promise<readonly Labels[]>;
}

export interface CollectOptions {
  readonly endSeconds: number;
  readonly windowSeconds: number;
  readonly resolutionSeconds: number;
  readonly stats: readonly StatName[];
  /** The quantile `cpuP95` stands for (`--cpu-percentile`; default 0.95). */
  readonly cpuPercentile?: number;
  /** Also queried, per namespace, where kube-state-metrics reports an HPA with a resource target. */
  readonly hpaStats?: readonly StatName[];
  readonly namespaces?: readonly string[];
  /** Containers per query before a namespace is split by pods. */
  readonly maxSeriesPerQuery?: number;
  /**
   * Take CPU statistics from a recorded per-container CPU rate (CPU_RECORDING_RULES) where it covers the window
   * (default true); false always evaluates the `irate` subquery over the raw counters.
   */
  readonly useRecordingRules?: boolean;
}

export interface PodRecord {
  readonly key: PodContainerKey;
  readonly stats: PodStats;
}

export interface Collected {
  readonly pods: ReadonlyMap<string, PodRecord>;
  readonly owners: readonly Labels[];
  /** `kube_horizontalpodautoscaler_spec_target_metric` samples (utilisation targets). */
  readonly hpaTargets: readonly InstantSample[];
  readonly warnings: readonly string[];
  readonly partial: boolean;
  readonly queries: number;
  /** The recording rule CPU statistics came from, per namespace (absent: the raw counters). */
  readonly cpuRecorded: ReadonlyMap<string, string>;
}

export const podKey = (k: PodContainerKey): string => `${k.namespace}\u0000${k.pod}\u0000${k.container}`;

interface Chunk {
  readonly namespace: string;
  readonly pods?: readonly string[];
}

/** Groups discovered containers by namespace and splits large namespaces into pod chunks. */
export function planChunks(series: readonly Labels[], maxSeries: number): Chunk[] {
  const byNs = new Map<string, Map<string, Set<string>>>();
  for (const l of series) {
    const { namespace, pod, container } = l;
    if (!namespace || !pod || !container) continue;
    const pods = byNs.get(namespace) ?? new Map<string, Set<string>>();
    byNs.set(namespace, pods);
    const cs = pods.get(pod) ?? new Set<string>();
    cs.add(container);
    pods.set(pod, cs);
  }
  const chunks: Chunk[] = [];
  for (const [namespace, pods] of [...byNs].sort(([a], [b]) => a.localeCompare(b))) {
    const total = [...pods.values()].reduce((n, s) => n + s.size, 0);
    if (total <= maxSeries) {
      chunks.push({ namespace });
      continue;
    }
    let current: string[] = [];
    let count = 0;
    for (const [pod, cs] of [...pods].sort(([a], [b]) => a.localeCompare(b))) {
      if (count + cs.size > maxSeries && current.length) {
        chunks.push({ namespace, pods: current });
        current = [];
        count = 0;
      }
      current.push(pod);
      count += cs.size;
    }
    if (current.length) chunks.push({ namespace, pods: current });
  }
  return chunks;
}

/**
 * Which namespaces have a recorded CPU rate over the whole window: the rule must already have been recording in the
 * window's first hour (one cheap instant query) and the namespace must have recorded series (the series API, which
 * reads the index only). A rule added mid-window would give CPU statistics over less history than memory.
 */
async function recordedCpu(
  prom: RightsizePromApi,
  opts: CollectOptions,
  range: { startSeconds: number; endSeconds: number },
): Promise<{ byNamespace: Map<string, string>; queries: number }> {
  const byNamespace = new Map<string, string>();
  if (opts.useRecordingRules === false) return { byNamespace, queries: 0 };
  const hour = Math.min(3600, opts.windowSeconds);
  const [first, series] = await Promise.all([
    prom.instantQuery(
      CPU_RECORDING_RULES.map((r) => `count by (__name__) (last_over_time(${r}[${hour}s]))`).join(' or '),
      { timeSeconds: range.startSeconds + hour },
    ),
    prom.series(
      CPU_RECORDING_RULES.map((r) => recordedSelector(r, opts.namespaces)),
      range,
    ),
  ]);
  const present = new Set(first.series.filter((s) => s.value > 0).map((s) => s.labels['__name__']));
  // Best rule first: CPU_RECORDING_RULES is ordered.
  for (const rule of CPU_RECORDING_RULES) {
    if (!present.has(rule)) continue;
    for (const l of series)
      if (l['__name__'] === rule && l['namespace'] && !byNamespace.has(l['namespace']))
        byNamespace.set(l['namespace'], rule);
  }
  return { byNamespace, queries: 1 };
}

export async function collectPodStats(prom: RightsizePromApi, opts: CollectOptions): Promise<Collected> {
  const range = { startSeconds: opts.endSeconds - opts.windowSeconds, endSeconds: opts.endSeconds };
  const [discovered, owners, hpa, recorded] = await Promise.all([
    prom.series([discoverySelector(opts.namespaces)], range),
    prom.series([...OWNER_SELECTORS], range),
    prom.instantQuery(hpaTargetsQuery(opts.windowSeconds), { timeSeconds: opts.endSeconds }),
    recordedCpu(prom, opts, range),
  ]);
  // Nothing to size: an error naming what was queried, never an empty report that looks like "all fine".
  if (!discovered.some((l) => l['namespace'] && l['pod'] && l['container']))
    throw new EmptyWindowError(discoverySelector(opts.namespaces), range);
  const chunks = planChunks(discovered, opts.maxSeriesPerQuery ?? 1000);
  const hpaNamespaces = new Set(hpa.series.map((s) => s.labels['namespace']));
  const statsFor = (namespace: string): readonly StatName[] =>
    hpaNamespaces.has(namespace) && opts.hpaStats ? [...new Set([...opts.stats, ...opts.hpaStats])] : opts.stats;
  const pods = new Map<string, { key: PodContainerKey; stats: PodStats }>();
  const warnings: string[] = [];
  let partial = false;
  let queries = 3 + recorded.queries;
  await Promise.all(
    chunks.flatMap((chunk) =>
      statsFor(chunk.namespace).map(async (stat) => {
        const scope: QueryScope = {
          matchers: chunkMatchers(chunk.namespace, chunk.pods),
          windowSeconds: opts.windowSeconds,
          resolutionSeconds: opts.resolutionSeconds,
          cpuRecorded: recorded.byNamespace.get(chunk.namespace),
          ...(opts.cpuPercentile !== undefined ? { cpuPercentile: opts.cpuPercentile } : {}),
        };
        queries++;
        const res = await prom.instantQuery(STAT_QUERIES[stat](scope), { timeSeconds: opts.endSeconds });
        warnings.push(...res.warnings);
        partial ||= res.partial;
        const scale = STAT_SCALE[stat] ?? 1;
        for (const s of res.series) {
          const { namespace, pod, container } = s.labels;
          if (!namespace || !pod || !container || !Number.isFinite(s.value)) continue;
          const key = { namespace, pod, container };
          const k = podKey(key);
          const rec = pods.get(k) ?? { key, stats: {} };
          rec.stats[stat] = s.value * scale;
          pods.set(k, rec);
        }
      }),
    ),
  );
  return { pods, owners, hpaTargets: hpa.series, warnings, partial, queries, cpuRecorded: recorded.byNamespace };
}

export interface ReplayOptions {
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly resolutionSeconds: number;
  readonly namespaces: readonly string[];
}

export interface Replay {
  readonly cpu: readonly RangeSeries[];
  readonly memory: readonly RangeSeries[];
  readonly queries: number;
}

/** Usage series of the replay part of the window (per namespace; millicores and bytes). */
export async function collectReplay(prom: PromApi, opts: ReplayOptions): Promise<Replay> {
  const window = { startSeconds: opts.startSeconds, endSeconds: opts.endSeconds, stepSeconds: opts.resolutionSeconds };
  const cpu: RangeSeries[] = [];
  const memory: RangeSeries[] = [];
  await Promise.all(
    opts.namespaces.flatMap((namespace) => {
      const scope: QueryScope = {
        matchers: chunkMatchers(namespace, undefined),
        windowSeconds: 0,
        resolutionSeconds: opts.resolutionSeconds,
      };
      return [
        prom
          .rangeQuery(REPLAY_QUERIES.cpu(scope), window)
          .then((r) =>
            cpu.push(
              ...r.series.map((s) => ({ labels: s.labels, values: s.values.map(([t, v]) => [t, v * 1000] as const) })),
            ),
          ),
        prom.rangeQuery(REPLAY_QUERIES.memory(scope), window).then((r) => memory.push(...r.series)),
      ];
    }),
  );
  if (cpu.length === 0 && memory.length === 0)
    throw new EmptyWindowError(
      discoverySelector(opts.namespaces),
      { startSeconds: opts.startSeconds, endSeconds: opts.endSeconds },
      'usage series to replay',
    );
  return { cpu, memory, queries: opts.namespaces.length * 2 };
}
