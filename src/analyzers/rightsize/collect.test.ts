import { describe, expect, it } from 'vitest';
import type { InstantResult, Labels, RangeResult } from '../../model/prom-api.js';
import { collectPodStats, planChunks, type RightsizePromApi } from './collect.js';
import { CPU_RECORDING_RULES, escapeRegex } from './queries.js';

/** A recorded-answer port: every container of `pods` answers every statistic with `value`. */
function fakeProm(
  series: Labels[],
  value = 0.25,
  recorded?: { since: number },
): RightsizePromApi & { queries: string[] } {
  const queries: string[] = [];
  const rule = CPU_RECORDING_RULES[0];
  return {
    queries,
    async series(match) {
      if (match[0]!.startsWith('container_')) return series;
      if (recorded && match[0]!.startsWith(rule)) return series.map((l) => ({ ...l, __name__: rule }));
      return [];
    },
    async instantQuery(q, at): Promise<InstantResult> {
      queries.push(q);
      if (q.startsWith('count by (__name__)')) {
        const recording = recorded !== undefined && (at?.timeSeconds ?? 0) >= recorded.since;
        return { series: recording ? [{ labels: { __name__: rule }, value: 9 }] : [], warnings: [], partial: false };
      }
      const ns = /namespace="([^"]+)"/.exec(q)?.[1];
      if (!ns) return { series: [], warnings: [], partial: false };
      const podRe = /pod=~"([^"]+)"/.exec(q)?.[1];
      const pods = podRe
        ? new Set(
            podRe
              .replaceAll('\\\\', '\\')
              .split('|')
              .map((p) => p.replaceAll('\\', '')),
          )
        : undefined;
      const hit = series.filter((s) => s['namespace'] === ns && (!pods || pods.has(s['pod']!)));
      return { series: hit.map((labels) => ({ labels, value })), warnings: [], partial: false };
    },
    async rangeQuery(): Promise<RangeResult> {
      return { series: [], warnings: [], partial: false };
    },
  };
}

const containers = (ns: string, pods: number): Labels[] =>
  Array.from({ length: pods }, (_, i) =>
    [`app`, `proxy`].map((c) => ({ namespace: ns, pod: `web-${i}.x`, container: c, id: `/${i}` })),
  ).flat();

describe('collectPodStats', () => {
  it('queries the request percentile --cpu-percentile asks for (95 by default)', async () => {
    const opts = { endSeconds: 1e9, windowSeconds: 86_400, resolutionSeconds: 60, stats: ['cpuP95'] as const };
    const byDefault = fakeProm(containers('a', 1));
    await collectPodStats(byDefault, opts);
    expect(byDefault.queries.some((q) => q.includes('quantile_over_time(0.95,'))).toBe(true);
    const p80 = fakeProm(containers('a', 1));
    await collectPodStats(p80, { ...opts, cpuPercentile: 0.8 });
    expect(p80.queries.some((q) => q.includes('quantile_over_time(0.8,'))).toBe(true);
    expect(p80.queries.some((q) => q.includes('quantile_over_time(0.95,'))).toBe(false);
  });

  it('an empty window is an error naming the selector, never an empty result', async () => {
    const opts = { endSeconds: 1e9, windowSeconds: 86_400, resolutionSeconds: 60, stats: ['cpuP95'] as const };
    await expect(collectPodStats(fakeProm([]), { ...opts, namespaces: ['shop'] })).rejects.toThrow(
      /no usage series in Prometheus for container_memory_working_set_bytes\{container!="",container!="POD",namespace=~"shop"\} between/,
    );
  });

  it('asks one query per namespace and statistic, never one per container', async () => {
    const prom = fakeProm([...containers('a', 50), ...containers('b', 30)]);
    const got = await collectPodStats(prom, {
      endSeconds: 1e9,
      windowSeconds: 86_400,
      resolutionSeconds: 60,
      stats: ['cpuP95', 'memMax'],
    });
    // 2 namespaces × 2 statistics, plus the cluster-wide HPA targets and the recording-rule probe.
    expect(prom.queries).toHaveLength(2 * 2 + 2);
    expect(got.queries).toBe(4 + 4);
    expect(got.pods.size).toBe(160);
    const one = [...got.pods.values()][0]!.stats;
    expect(one).toEqual({ cpuP95: 250, memMax: 0.25 });
  });

  it('takes CPU statistics from the recorded CPU rate only when it was recording at the start of the window', async () => {
    const opts = {
      endSeconds: 1e9,
      windowSeconds: 86_400,
      resolutionSeconds: 60,
      stats: ['cpuP95', 'memMax'] as const,
    };
    const cpuQueries = (p: { queries: string[] }) => p.queries.filter((q) => q.includes('quantile_over_time'));
    const covering = fakeProm(containers('a', 5), 0.25, { since: 0 });
    const got = await collectPodStats(covering, opts);
    expect(got.cpuRecorded.get('a')).toBe(CPU_RECORDING_RULES[0]);
    expect(cpuQueries(covering)).toEqual([
      `max by (namespace, pod, container) (quantile_over_time(0.95, ${CPU_RECORDING_RULES[0]}{namespace="a"}[86400s]))`,
    ]);
    expect([...got.pods.values()][0]!.stats.cpuP95).toBe(250);
    // The rule was added half-way through the window: it would hold half the history, so the raw counters are used.
    const recent = fakeProm(containers('a', 5), 0.25, { since: 1e9 - 43_200 });
    const raw = await collectPodStats(recent, opts);
    expect(raw.cpuRecorded.size).toBe(0);
    expect(cpuQueries(recent)[0]).toContain('irate(container_cpu_usage_seconds_total{');
    // And never when the user turns it off.
    const off = fakeProm(containers('a', 5), 0.25, { since: 0 });
    await collectPodStats(off, { ...opts, useRecordingRules: false });
    expect(cpuQueries(off)[0]).toContain('irate(container_cpu_usage_seconds_total{');
  });

  it('splits a large namespace into pod chunks and still covers every container', async () => {
    const prom = fakeProm(containers('big', 700));
    const got = await collectPodStats(prom, {
      endSeconds: 1e9,
      windowSeconds: 86_400,
      resolutionSeconds: 60,
      stats: ['memMax'],
      maxSeriesPerQuery: 500,
    });
    const perChunk = prom.queries.filter((q) => q.includes('memory_working_set'));
    expect(perChunk).toHaveLength(3);
    expect(perChunk.every((q) => q.includes('pod=~'))).toBe(true);
    expect(got.pods.size).toBe(1400);
  });

  it('never splits a pod across chunks', () => {
    const chunks = planChunks(containers('n', 10), 3);
    expect(chunks.every((c) => (c.pods?.length ?? 0) === 1)).toBe(true);
    expect(chunks).toHaveLength(10);
  });

  it('escapes pod names for a double-quoted PromQL regex', () => {
    expect(escapeRegex('web-1.x')).toBe('web-1\\\\.x');
  });
});
