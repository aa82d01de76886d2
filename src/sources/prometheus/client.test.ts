/** PrometheusClient against a real Prometheus (backfilled), with a fault proxy for auth headers and failures. */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../../test/support/fault-proxy.js';
import { freePort, tempDir } from '../../../test/support/processes.js';
import {
  counterSamples,
  startBackfilledPrometheus,
  type BackfilledPrometheus,
} from '../../../test/support/prometheus.js';
import { PrometheusClient } from './client.js';
import { PrometheusQueryError, PrometheusTimeoutError, QueryBudgetExceededError } from './errors.js';
import { writeSelfSignedCert } from '../../../test/support/tls.js';

const END = 1_767_225_600;
const range = { startSeconds: END - 6 * 3600, endSeconds: END, stepSeconds: 60 };
let prom: BackfilledPrometheus;
const stops: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  prom = await startBackfilledPrometheus(
    [
      {
        name: 'kt_requests_total',
        type: 'counter',
        help: 'test requests',
        series: ['a', 'b', 'c'].map((pod, i) => ({
          labels: { job: 'kt', pod },
          samples: counterSamples(range, i + 1),
        })),
      },
    ],
    { routePrefix: '/prom' },
  );
  stops.push(() => prom.stop());
});
afterAll(() => Promise.all(stops.map((s) => s())));

const proxied = async (decide: Parameters<typeof startFaultProxy>[1]): Promise<FaultProxy> => {
  const p = await startFaultProxy(prom.url, decide);
  stops.push(() => p.stop());
  return p;
};

describe('PrometheusClient on a real Prometheus under a path prefix', () => {
  it('instant queries: vectors with labels, scalars, +Inf/NaN values', async () => {
    const c = new PrometheusClient({ url: `${prom.url}/` });
    const v = await c.instantQuery('sum by (pod) (rate(kt_requests_total[10m]))', { timeSeconds: END });
    expect(Object.fromEntries(v.series.map((s) => [s.labels['pod'], Math.round(s.value)]))).toEqual({
      a: 1,
      b: 2,
      c: 3,
    });
    expect((await c.instantQuery('scalar(vector(42))', { timeSeconds: END })).series).toEqual([
      { labels: {}, value: 42 },
    ]);
    const inf = await c.instantQuery('vector(1) / vector(0)', { timeSeconds: END });
    expect(inf.series[0]?.value).toBe(Infinity);
    expect(v.warnings).toEqual([]);
    expect(v.partial).toBe(false);
  });

  it('range queries split into chunks give the same series as one request', async () => {
    const window = { startSeconds: range.startSeconds, endSeconds: END, stepSeconds: 60 };
    const whole = await new PrometheusClient({ url: prom.url }).rangeQuery('kt_requests_total', window);
    const chunked = new PrometheusClient({ url: prom.url, maxPointsPerRequest: 50 });
    const parts = await chunked.rangeQuery('kt_requests_total', window);
    expect(chunked.stats().queries).toBe(Math.ceil(361 / 50));
    expect(parts.series.map((s) => s.values.length)).toEqual([361, 361, 361]);
    const byPod = (r: typeof whole) => Object.fromEntries(r.series.map((s) => [s.labels['pod'], s.values]));
    expect(byPod(parts)).toEqual(byPod(whole));
  });

  it('series, labels, label values, metadata and build info', async () => {
    const c = new PrometheusClient({ url: prom.url });
    const series = await c.series(['kt_requests_total'], { startSeconds: range.startSeconds, endSeconds: END });
    expect(series.map((s) => s['pod']).sort()).toEqual(['a', 'b', 'c']);
    expect(await c.labelNames()).toEqual(expect.arrayContaining(['__name__', 'job', 'pod']));
    expect(await c.labelValues('pod')).toEqual(['a', 'b', 'c']);
    expect(await c.metadata()).toBeTypeOf('object');
    expect((await c.buildInfo()).version).toMatch(/^2\./);
  });

  it('sends bearer, basic and custom headers', async () => {
    const proxy = await proxied(() => ({ kind: 'pass' }));
    await new PrometheusClient({
      url: proxy.url,
      bearerToken: 's3cret',
      headers: { 'X-Scope-OrgID': 'tenant-1' },
    }).instantQuery('vector(1)');
    await new PrometheusClient({ url: proxy.url, basicAuth: { username: 'u', password: 'p' } }).instantQuery(
      'vector(1)',
    );
    expect(proxy.requests[0]?.headers['authorization']).toBe('Bearer s3cret');
    expect(proxy.requests[0]?.headers['x-scope-orgid']).toBe('tenant-1');
    expect(proxy.requests[1]?.headers['authorization']).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(proxy.requests[0]?.body).toContain('query=vector%281%29');
  });

  it('retries 5xx and 429 (honouring Retry-After) with backoff, then succeeds', async () => {
    const proxy = await proxied((_, i) =>
      i === 0
        ? { kind: 'respond', status: 503, body: 'overloaded' }
        : i === 1
          ? { kind: 'respond', status: 429, body: '{}', headers: { 'retry-after': '0' } }
          : { kind: 'pass' },
    );
    const waits: number[] = [];
    const c = new PrometheusClient({ url: proxy.url, backoffMs: 100, sleep: async (ms) => void waits.push(ms) });
    const r = await c.instantQuery('vector(7)');
    expect(r.series[0]?.value).toBe(7);
    expect(waits).toEqual([100, 0]);
    expect(c.stats()).toMatchObject({ queries: 1, retries: 2, failures: 0 });
  });

  it('gives up after the retries with a query error naming status and URL; 4xx is not retried', async () => {
    const proxy = await proxied(() => ({
      kind: 'respond',
      status: 500,
      body: '{"status":"error","errorType":"internal","error":"boom"}',
    }));
    const c = new PrometheusClient({ url: proxy.url, retries: 2, sleep: async () => {} });
    await expect(c.instantQuery('up')).rejects.toThrow(PrometheusQueryError);
    expect(proxy.requests).toHaveLength(3);
    const bad = new PrometheusClient({ url: prom.url, sleep: async () => {} });
    const err = await bad.instantQuery('sum(').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrometheusQueryError);
    expect((err as PrometheusQueryError).errorType).toBe('bad_data');
    expect(bad.stats()).toMatchObject({ retries: 0, failures: 1 });
  });

  it('times out a slow server', async () => {
    const proxy = await proxied(() => ({ kind: 'delay', ms: 1500 }));
    const c = new PrometheusClient({ url: proxy.url, timeoutMs: 200, retries: 1, sleep: async () => {} });
    await expect(c.instantQuery('vector(1)')).rejects.toThrow(PrometheusTimeoutError);
    expect(c.stats().retries).toBe(1);
  });

  it('surfaces warnings and partial responses (Thanos/VictoriaMetrics style)', async () => {
    const proxy = await proxied(() => ({
      kind: 'rewrite',
      rewrite: (j) => ({ ...j, warnings: ['store 10.0.0.9:10901 unavailable'], isPartial: true }),
    }));
    const c = new PrometheusClient({ url: proxy.url });
    const r = await c.instantQuery('vector(1)');
    expect(r).toMatchObject({ warnings: ['store 10.0.0.9:10901 unavailable'], partial: true });
    expect(c.stats().warnings).toBe(1);
  });

  it('bounds concurrency and enforces the query budget', async () => {
    const proxy = await proxied(() => ({ kind: 'delay', ms: 50 }));
    const c = new PrometheusClient({ url: proxy.url, maxConcurrency: 2, budget: 6 });
    await Promise.all(Array.from({ length: 6 }, () => c.instantQuery('vector(1)')));
    expect(c.stats()).toMatchObject({ queries: 6, maxInFlight: 2 });
    await expect(c.instantQuery('vector(1)')).rejects.toThrow(QueryBudgetExceededError);
  });

  it('TLS: verifies with --ca-file, refuses an unknown CA, or skips verification when asked', async () => {
    const dir = await tempDir('tls');
    stops.push(() => rm(dir, { recursive: true, force: true }));
    writeSelfSignedCert(join(dir, 'key.pem'), join(dir, 'cert.pem'));
    const cert = readFileSync(join(dir, 'cert.pem'));
    const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"status":"success","data":{"resultType":"vector","result":[]}}');
    });
    const port = await freePort();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    stops.push(() => new Promise((r) => server.close(r)));
    const url = `https://127.0.0.1:${port}`;
    await expect(new PrometheusClient({ url, tls: { ca: cert } }).instantQuery('up')).resolves.toMatchObject({
      series: [],
    });
    await expect(
      new PrometheusClient({ url, tls: { insecureSkipVerify: true } }).instantQuery('up'),
    ).resolves.toMatchObject({ series: [] });
    await expect(new PrometheusClient({ url, retries: 0 }).instantQuery('up')).rejects.toThrow(
      /did not answer.*self.signed/i,
    );
  });
});
