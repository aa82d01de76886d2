import { afterAll, describe, expect, it } from 'vitest';
import { startEtcd, startNodeExporter, type ProcessHandle } from './processes.js';
import {
  counterSamples,
  histogramSeries,
  startBackfilledPrometheus,
  startPrometheus,
  type PrometheusHandle,
} from './prometheus.js';

const query = async (base: string, promql: string, time?: number) => {
  const params = new URLSearchParams({ query: promql, ...(time !== undefined ? { time: String(time) } : {}) });
  const res = await fetch(`${base}/api/v1/query?${params}`);
  const body = (await res.json()) as {
    data: { result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  return body.data.result;
};

describe('test harness: real Prometheus', () => {
  const started: (ProcessHandle | PrometheusHandle)[] = [];
  afterAll(() => Promise.all(started.map((p) => p.stop())));

  it('backfills OpenMetrics history and answers PromQL over it', async () => {
    const end = 1_750_000_000;
    const range = { startSeconds: end - 3600, endSeconds: end, stepSeconds: 30 };
    const prom = await startBackfilledPrometheus([
      {
        name: 'demo_requests_total',
        type: 'counter',
        series: [{ labels: { job: 'demo' }, samples: counterSamples(range, 7) }],
      },
      {
        name: 'demo_latency_seconds',
        type: 'histogram',
        series: histogramSeries({
          name: 'demo_latency_seconds',
          labels: { job: 'demo' },
          buckets: [0.1, 0.5, 1],
          range,
          ratePerSecond: 10,
          cdf: (le) => (le >= 0.5 ? 1 : 0),
        }),
      },
    ]);
    started.push(prom);
    expect(prom.endSeconds).toBe(end);
    const rate = await query(prom.url, 'rate(demo_requests_total[10m])', end);
    expect(Number(rate[0]?.value[1])).toBeCloseTo(7, 5);
    const p99 = await query(
      prom.url,
      'histogram_quantile(0.99, sum by (le) (rate(demo_latency_seconds_bucket[10m])))',
      end,
    );
    const v = Number(p99[0]?.value[1]);
    expect(v).toBeGreaterThan(0.1);
    expect(v).toBeLessThanOrEqual(0.5);
    // at "now" the backfilled data is stale: nothing
    expect(await query(prom.url, 'demo_requests_total')).toEqual([]);
  });

  it('scrapes real node-exporter and etcd', async () => {
    const ne = await startNodeExporter();
    started.push(ne);
    const etcd = await startEtcd();
    started.push(etcd);
    const prom = await startPrometheus({
      scrape: [
        { job: 'node', targets: [`127.0.0.1:${ne.port}`] },
        { job: 'etcd', targets: [`127.0.0.1:${etcd.port}`] },
      ],
    });
    started.push(prom);
    let up: Awaited<ReturnType<typeof query>> = [];
    for (let i = 0; i < 100 && up.length < 2; i++) {
      up = await query(prom.url, 'up == 1');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(up.map((r) => r.metric['job']).sort()).toEqual(['etcd', 'node']);
    await prom.stop();
    await expect(fetch(`${prom.url}/-/ready`)).rejects.toThrow();
  });
});
