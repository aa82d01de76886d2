/**
 * Live end to end: a real etcd and prometheus-node-exporter, scraped every second by a real Prometheus, diagnosed
 * by `kubetune diagnose --prometheus`. Values are cross-checked against the components' own /metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExposition } from '../../src/sources/prometheus/exposition.js';
import { startEtcd, startNodeExporter, type ProcessHandle } from '../support/processes.js';
import { startPrometheus } from '../support/prometheus.js';
import { runCli, type DiagnoseJson } from './diagnose-cli.js';

const handles: ProcessHandle[] = [];
let prom: ProcessHandle;
let etcd: ProcessHandle;

/** Writes through etcd's JSON gateway (so the WAL fsyncs and the backend commits) until stopped. */
function etcdWriter(url: string): { stop: () => Promise<number> } {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  let running = true;
  let written = 0;
  const loop = (async () => {
    while (running) {
      const res = await fetch(`${url}/v3/kv/put`, {
        method: 'POST',
        body: JSON.stringify({ key: b64(`kt/${written % 20}`), value: b64('x'.repeat(512)) }),
      });
      if (res.ok) written++;
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return { stop: async () => ((running = false), await loop, written) };
}

async function waitForQuery(url: string, promql: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const body = (await (await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`)).json()) as {
      data: { result: unknown[] };
    };
    if (body.data.result.length > 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no data for ${promql} after ${timeoutMs} ms`);
}

beforeAll(async () => {
  const ne = await startNodeExporter();
  handles.push(ne);
  etcd = await startEtcd();
  handles.push(etcd);
  prom = await startPrometheus({
    scrape: [
      { job: 'node', targets: [`127.0.0.1:${ne.port}`] },
      { job: 'etcd', targets: [`127.0.0.1:${etcd.port}`] },
    ],
  });
  handles.push(prom);
  // rate() over the window needs scrapes of each target while etcd is writing
  const writer = etcdWriter(etcd.url);
  try {
    await waitForQuery(prom.url, 'rate(etcd_disk_wal_fsync_duration_seconds_count[1m]) > 0');
    await waitForQuery(prom.url, 'rate(node_cpu_seconds_total[1m])');
    // diagnose evaluates at a whole second: leave room for a few more scrapes inside its window
    await new Promise((r) => setTimeout(r, 3000));
  } finally {
    expect(await writer.stop()).toBeGreaterThan(0);
  }
}, 120_000);
afterAll(() => Promise.all(handles.map((h) => h.stop())));

describe('diagnose live (etcd + node-exporter + Prometheus)', () => {
  it('measures etcd and the node, reports the missing control plane as not measured', async () => {
    const run = await runCli([
      'diagnose',
      '--prometheus',
      prom.url,
      '--window',
      '1m',
      '--fail-on',
      'none',
      '-o',
      'json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as DiagnoseJson;
    const kpi = (id: string) => report.sections.diagnose.kpis.find((k) => k.kpi === id)!;
    for (const id of [
      'etcd-wal-fsync-p99',
      'etcd-backend-commit-p99',
      'etcd-db-quota-usage',
      'node-cpu-utilisation',
      'node-memory-utilisation',
      'node-load-per-cpu',
    ]) {
      expect(['measured', 'bottleneck'], id).toContain(kpi(id).status);
    }
    expect(kpi('node-cpu-utilisation').value).toBeGreaterThan(0);
    expect(kpi('node-cpu-utilisation').value).toBeLessThanOrEqual(1);
    expect(kpi('etcd-wal-fsync-p99').value).toBeGreaterThan(0);
    for (const id of ['apiserver-latency-p99-resource', 'scheduler-latency-p99', 'container-cpu-throttling']) {
      expect(kpi(id).status, id).toBe('not-measured');
    }
    expect(run.stderr).toMatch(/diagnose: \d+ queries \(\d+ retries, 0 failed/);

    // cross-check: DB size vs quota equals what etcd itself reports on /metrics
    const own = parseExposition(await (await fetch(`${etcd.url}/metrics`)).text()).samples;
    const g = (name: string) => own.find((s) => s.name === name)!.value;
    // (the DB only grows without compaction, and our figure is its peak over the window scraped a moment earlier)
    const ownRatio = g('etcd_mvcc_db_total_size_in_bytes') / g('etcd_server_quota_backend_bytes');
    expect(kpi('etcd-db-quota-usage').value).toBeLessThanOrEqual(ownRatio);
    expect(kpi('etcd-db-quota-usage').value).toBeGreaterThan(ownRatio * 0.5);
    expect(g('etcd_server_quota_backend_bytes')).toBe(2 * 2 ** 30); // etcd's default quota, as scraped
  });
});
