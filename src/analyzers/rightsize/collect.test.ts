import { describe, expect, it } from 'vitest';
import type { InstantResult, Labels, RangeResult } from '../../model/prom-api.js';
import { collectPodStats, planChunks, type RightsizePromApi } from './collect.js';
import { escapeRegex } from './queries.js';

/** A recorded-answer port: every container of `pods` answers every statistic with `value`. */
function fakeProm(series: Labels[], value = 0.25): RightsizePromApi & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async series(match) {
      return match[0]!.startsWith('container_') ? series : [];
    },
    async instantQuery(q): Promise<InstantResult> {
      queries.push(q);
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
  it('asks one query per namespace and statistic, never one per container', async () => {
    const prom = fakeProm([...containers('a', 50), ...containers('b', 30)]);
    const got = await collectPodStats(prom, {
      endSeconds: 1e9,
      windowSeconds: 86_400,
      resolutionSeconds: 60,
      stats: ['cpuP95', 'memMax'],
    });
    // 2 namespaces × 2 statistics, plus the cluster-wide HPA targets.
    expect(prom.queries).toHaveLength(2 * 2 + 1);
    expect(got.queries).toBe(4 + 3);
    expect(got.pods.size).toBe(160);
    const one = [...got.pods.values()][0]!.stats;
    expect(one).toEqual({ cpuP95: 250, memMax: 0.25 });
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
