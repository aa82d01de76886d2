import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { histogramSeries, startBackfilledPrometheus } from '../support/prometheus.js';
import { generateCluster, loadApiServerMetrics, writeKubeconfig } from '../support/replay-cluster.js';
import { startReplayServer, type ReplayServer } from '../support/replay-server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

const nodeMetrics = (name: string, cpu: string, memory: string) => ({
  apiVersion: 'metrics.k8s.io/v1beta1',
  kind: 'NodeMetrics',
  metadata: { name },
  timestamp: '2026-11-23T12:00:00Z',
  window: '20s',
  usage: { cpu, memory },
});

async function run(usage: [string, string][], extra: string[] = [], now = new Date('2026-11-23T12:30:00Z')) {
  const server: ReplayServer = await startReplayServer({
    virtual: generateCluster({ nodes: usage.length, pods: 1 }),
    objects: usage.map(([cpu, mem], i) => nodeMetrics(`node-${String(i).padStart(6, '0')}`, cpu, mem)),
    metricsText: loadApiServerMetrics(),
  });
  closers.push(() => server.close());
  const kubeconfig = writeKubeconfig(mkdtempSync(join(tmpdir(), 'kt-health-')), { server: server.url });
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    stdin: Readable.from([]),
    env: {},
    cwd: process.cwd(),
    now: () => now,
  };
  const code = await main(['health', '--kubeconfig', kubeconfig, ...extra], io);
  return { code, out: out.join(''), err: err.join(''), server };
}

describe('kubetune health', () => {
  it('prints one JSON line: CPU and memory % of allocatable, API p99 from the real /metrics, healthy', async () => {
    // allocatable per generated node: 15890m CPU, 61394756Ki memory
    const r = await run([
      ['7945m', '30697378Ki'],
      ['3972500000n', '15348689Ki'],
    ]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const rec = JSON.parse(lines[0]!);
    expect(rec).toMatchObject({
      kind: 'kubetune.health',
      timestamp: '2026-11-23T12:30:00.000Z',
      cpuPercent: 37.5,
      memoryPercent: 37.5,
      status: 'healthy',
      nodes: 2,
      nodesWithMetrics: 2,
    });
    expect(rec.apiP99Ms).toBeGreaterThan(0);
    expect(r.server.requests.some((q) => q.path === '/api/v1/pods')).toBe(false);
  });

  it('is a warning at CPU >= 80 % and pushes gauges to a Pushgateway', async () => {
    const pushed: { url: string; method: string; body: string }[] = [];
    const gw = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        pushed.push({ url: req.url ?? '', method: req.method ?? '', body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((ok) => gw.listen(0, '127.0.0.1', ok));
    closers.push(() => new Promise((ok) => gw.close(() => ok())));
    const url = `http://127.0.0.1:${(gw.address() as AddressInfo).port}`;
    const r = await run([['14301m', '1Gi']], ['--pushgateway', url]);
    const rec = JSON.parse(r.out);
    expect(rec).toMatchObject({ status: 'warning', cpuPercent: 90, reasons: ['CPU 90% >= 80%'] });
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ method: 'PUT', url: '/metrics/job/kubetune/context/replay' });
    expect(pushed[0]!.body).toMatch(/^kubetune_cluster_cpu_percent 90$/m);
    expect(pushed[0]!.body).toMatch(/^kubetune_health_healthy 0$/m);
  });

  it('takes the API p99 over 5 minutes from a real Prometheus when --prometheus is given', async () => {
    const end = Math.floor(Date.now() / 1000);
    const range = { startSeconds: end - 3600, endSeconds: end, stepSeconds: 15 };
    // GET: 98 % of requests <= 0.1 s, all <= 0.25 s  =>  p99 = 0.1 + 0.15 * (0.99 - 0.98) / 0.02 = 0.175 s
    // LIST is faster, WATCH is long-running and must not count
    const family = (verb: string, cdf: (le: number) => number) =>
      histogramSeries({
        name: 'apiserver_request_duration_seconds',
        labels: { verb },
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 60],
        range,
        ratePerSecond: 20,
        cdf,
      });
    const prom = await startBackfilledPrometheus([
      {
        name: 'apiserver_request_duration_seconds',
        type: 'histogram',
        series: [
          ...family('GET', (le) => (le >= 0.25 ? 1 : le >= 0.1 ? 0.98 : 0.5)),
          ...family('LIST', (le) => (le >= 0.1 ? 1 : 0.9)),
          ...family('WATCH', (le) => (le >= 60 ? 1 : 0)),
        ],
      },
    ]);
    closers.push(() => prom.stop());
    const r = await run([['1', '1Gi']], ['--prometheus', prom.url], new Date(prom.endSeconds * 1000));
    const rec = JSON.parse(r.out);
    expect(rec.apiP99Source).toBe('prometheus-5m');
    expect(rec.apiP99Ms).toBeCloseTo(175, 0);
  }, 120_000);

  it('falls back to the API server histogram, with a line on stderr, when Prometheus does not answer', async () => {
    const r = await run([['1', '1Gi']], ['--prometheus', 'http://127.0.0.1:9']);
    const rec = JSON.parse(r.out);
    expect(rec.apiP99Source).toBe('apiserver-since-start');
    expect(rec.apiP99Ms).toBeGreaterThan(0);
    expect(r.err).toMatch(/127\.0\.0\.1:9.*API p99 from the API server's own histogram/);
  });

  it('is unknown, not healthy, without metrics.k8s.io', async () => {
    const r = await run([]);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'unknown', cpuPercent: null, memoryPercent: null });
  });
});
