/**
 * The offline evaluator (one scrape of cumulative counters) and real PromQL must agree: the same scenario is
 * evaluated by Prometheus over the whole backfilled history and offline on the last sample of every series,
 * which for counters starting at 0 is the same "lifetime" data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiPromQL } from '../../src/analyzers/backends.js';
import { KPIS } from '../../src/knowledge/kpis.js';
import { evaluateOnSamples, indexSamples, type ScrapedSample } from '../../src/model/metric-eval.js';
import { PrometheusClient } from '../../src/sources/prometheus/client.js';
import { startBackfilledPrometheus, type BackfilledPrometheus, type MetricFamily } from '../support/prometheus.js';
import { clusterFamilies, scenarioRange, SCENARIOS } from './diagnose-scenarios.js';

const END = 1_767_225_600;
const HOURS = 2;
let prom: BackfilledPrometheus;
const lastSamples: ScrapedSample[] = [];

/** Passes families through, remembering the last sample of each series (what one scrape at END would show). */
function* remember(families: Iterable<MetricFamily>): Generator<MetricFamily> {
  for (const f of families) {
    const series = [...f.series].map((s) => {
      const samples = [...s.samples];
      lastSamples.push({ name: s.metric ?? f.name, labels: s.labels, value: samples[samples.length - 1]![1] });
      return { ...s, samples };
    });
    yield { ...f, series };
  }
}

beforeAll(async () => {
  const families = clusterFamilies(SCENARIOS['etcd-disk-and-throttled-service'], {
    nodes: 5,
    range: scenarioRange(END, HOURS),
  });
  prom = await startBackfilledPrometheus(remember(families));
});
afterAll(() => prom?.stop());

describe('offline evaluation agrees with Prometheus', () => {
  it('for every KPI a single scrape can answer', async () => {
    const client = new PrometheusClient({ url: prom.url });
    const samples = indexSamples(lastSamples);
    let compared = 0;
    for (const kpi of KPIS) {
      const offline = evaluateOnSamples(kpi.expr, samples);
      if (offline.timeDependent || offline.series.length === 0) continue;
      // a window one step longer than the history, so the range covers every sample since the first
      const live = await client.instantQuery(kpiPromQL(kpi, HOURS * 3600 + 30, 1000), { timeSeconds: END });
      const key = (l: Record<string, string>) => JSON.stringify(Object.entries(l).sort());
      const liveByKey = new Map(live.series.map((s) => [key(s.labels), s.value]));
      for (const s of offline.series.filter((x) => Number.isFinite(x.value))) {
        const v = liveByKey.get(key(s.labels));
        expect(v, `${kpi.id} ${key(s.labels)}`).toBeDefined();
        expect(Math.abs(v! - s.value), `${kpi.id} ${key(s.labels)}: ${v} vs ${s.value}`).toBeLessThanOrEqual(
          Math.abs(s.value) * 0.02 + 1e-9,
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
  });
});
