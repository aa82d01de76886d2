/** `kubetune diagnose` when Prometheus is down, slow, failing (5xx) or answering with warnings/partial data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { freePort } from '../support/processes.js';
import { startBackfilledPrometheus, type BackfilledPrometheus } from '../support/prometheus.js';
import { bottlenecksOf, runCli, type DiagnoseJson } from './diagnose-cli.js';
import { clusterFamilies, scenarioRange, SCENARIOS } from './diagnose-scenarios.js';

const END = 1_767_225_600;
let prom: BackfilledPrometheus;
const proxies: FaultProxy[] = [];

beforeAll(async () => {
  prom = await startBackfilledPrometheus(
    clusterFamilies(SCENARIOS['slow-etcd-disk'], { nodes: 4, range: scenarioRange(END) }),
  );
});
afterAll(() => Promise.all([prom?.stop(), ...proxies.map((p) => p.stop())]));

const proxy = async (decide: Parameters<typeof startFaultProxy>[1]) => {
  const p = await startFaultProxy(prom.url, decide);
  proxies.push(p);
  return p;
};
const diagnose = (url: string, extra: string[] = []) =>
  runCli(['diagnose', '--prometheus', url, '--time', String(END), '--window', '1h', '-o', 'json', ...extra]);
const isQuery = (path: string) => path.startsWith('/api/v1/query');

describe('diagnose failure modes', () => {
  it('Prometheus down: exit 3 with the URL, no report', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await diagnose(url, ['--retries', '1']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`Prometheus at ${url} did not answer`);
    expect(run.stdout).toBe('');
  });

  it('Prometheus too slow for --timeout: exit 3 (fails fast on the first call)', async () => {
    const p = await proxy(() => ({ kind: 'delay', ms: 3000 }));
    const run = await diagnose(p.url, ['--timeout', '300ms', '--retries', '0']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/did not answer within 300 ms/);
    expect(p.requests).toHaveLength(1);
  });

  it('slow queries only: the KPIs that timed out are errors, the rest is still diagnosed', async () => {
    const p = await proxy((req) =>
      isQuery(req.path) && req.body.includes('etcd_disk_wal_fsync') ? { kind: 'delay', ms: 3000 } : { kind: 'pass' },
    );
    const run = await diagnose(p.url, ['--timeout', '500ms', '--retries', '0']);
    const report = JSON.parse(run.stdout) as DiagnoseJson;
    expect(report.sections.diagnose.kpis.find((k) => k.kpi === 'etcd-wal-fsync-p99')?.status).toBe('error');
    expect(
      report.diagnostics.some(
        (d) =>
          d.severity === 'error' &&
          /did not answer within 500 ms.*etcd-wal-fsync-p99|etcd-wal-fsync-p99.*did not answer within 500 ms/.test(
            d.message,
          ),
      ),
    ).toBe(true);
    expect(bottlenecksOf(report)['etcd-backend-commit-p99']).toBe('P0');
    expect(run.code).toBe(4);
  });

  it('transient 5xx/429 are retried: same verdict as a healthy server, retries counted', async () => {
    // the first attempt of every query fails (alternately 503 and 429), the retry passes
    const seen = new Set<string>();
    const p = await proxy((req) => {
      if (!isQuery(req.path) || seen.has(req.body)) return { kind: 'pass' };
      seen.add(req.body);
      return { kind: 'respond', status: seen.size % 2 ? 503 : 429, body: 'busy', headers: { 'retry-after': '0' } };
    });
    const flaky = await diagnose(p.url, ['--retries', '3']);
    const direct = await diagnose(prom.url);
    expect(bottlenecksOf(JSON.parse(flaky.stdout) as DiagnoseJson)).toEqual(
      bottlenecksOf(JSON.parse(direct.stdout) as DiagnoseJson),
    );
    const stats = (JSON.parse(flaky.stdout) as DiagnoseJson).sections.diagnose.queries!;
    expect(stats.retries).toBe(seen.size);
    expect(stats.failures).toBe(0);
    expect(flaky.code).toBe(1);
  });

  it('persistent 5xx on every query: exit 3 (unusable), one summarised line per cause, no report', async () => {
    const p = await proxy((req) =>
      isQuery(req.path)
        ? { kind: 'respond', status: 500, body: '{"status":"error","errorType":"internal","error":"store down"}' }
        : { kind: 'pass' },
    );
    const run = await diagnose(p.url, ['--retries', '1']);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^kubetune: Prometheus at ${p.url} is unusable: every query failed: \\d+ queries failed: .*answered 500 internal: store down \\(first: \\[[a-z0-9-]+\\] `,
      ),
    );
    expect(lines[0]!.length).toBeLessThan(1000); // one query text, not 42
  });

  it('garbage (not a Prometheus API) on every call: exit 3, one line', async () => {
    const p = await proxy(() => ({ kind: 'respond', status: 200, body: '<html>hello</html>' }));
    const run = await diagnose(p.url, ['--retries', '0']);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/is unusable: every query failed: \d+ queries failed: /);
  });

  it('the same failure on many queries is one diagnostic with a count, not one per query', async () => {
    const p = await proxy((req) =>
      isQuery(req.path) && /apiserver_request/.test(decodeURIComponent(req.body))
        ? { kind: 'respond', status: 500, body: '{"status":"error","errorType":"internal","error":"shard lost"}' }
        : { kind: 'pass' },
    );
    const run = await diagnose(p.url, ['--retries', '0']);
    const report = JSON.parse(run.stdout) as DiagnoseJson;
    const failed = report.sections.diagnose.kpis.filter((k) => k.status === 'error');
    expect(failed.length).toBeGreaterThan(1);
    const shard = report.diagnostics.filter((d) => d.message.includes('shard lost'));
    expect(shard).toHaveLength(1);
    expect(shard[0]!.message).toMatch(new RegExp(`^${failed.length} queries failed: .* \\(first: \\[`));
    expect(run.code).toBe(4);
  });

  it('warnings and partial responses are surfaced beside the findings', async () => {
    const p = await proxy((req) =>
      isQuery(req.path)
        ? {
            kind: 'rewrite',
            rewrite: (j) => ({
              ...j,
              warnings: ['partial response: store 10.0.0.9:10901 unavailable'],
              isPartial: true,
            }),
          }
        : { kind: 'pass' },
    );
    const run = await diagnose(p.url);
    const report = JSON.parse(run.stdout) as DiagnoseJson;
    expect(bottlenecksOf(report)['etcd-wal-fsync-p99']).toBe('P0');
    const partial = report.diagnostics.filter((d) =>
      d.message.includes('partial data: partial response: store 10.0.0.9:10901 unavailable'),
    );
    expect(partial.length).toBeGreaterThan(30);
  });

  it('--max-queries caps the requests; KPIs past the budget are errors, never healthy', async () => {
    const run = await diagnose(prom.url, ['--max-queries', '12']);
    const report = JSON.parse(run.stdout) as DiagnoseJson;
    expect(report.sections.diagnose.queries?.queries).toBe(12);
    const errors = report.sections.diagnose.kpis.filter((k) => k.status === 'error');
    // 2 calls go to the build-info checks, 10 to KPIs
    expect(errors).toHaveLength(report.sections.diagnose.kpis.length - 10);
    expect(report.diagnostics.some((d) => /query budget of 12 requests exhausted/.test(d.message))).toBe(true);
    expect(run.code).toBe(4);
  });

  it('history that ended before --time: every KPI not measured, with a hint to pass --time', async () => {
    const run = await runCli(['diagnose', '--prometheus', prom.url, '--time', String(END + 86_400), '-o', 'json']);
    const report = JSON.parse(run.stdout) as DiagnoseJson;
    expect(new Set(report.sections.diagnose.kpis.map((k) => k.status))).toEqual(new Set(['not-measured']));
    expect(report.diagnostics[0]?.message).toMatch(/no KPI has data at --time .* pass --time/);
    expect(report.findings).toEqual([]);
    expect(run.code).toBe(4);
  });

  it('bad flags: exit 2', async () => {
    expect((await runCli(['diagnose'])).code).toBe(2);
    expect((await runCli(['diagnose', '--prometheus', prom.url, '--window', 'forever'])).code).toBe(2);
    expect((await runCli(['diagnose', '--prometheus', 'ftp://x'])).code).toBe(2);
  });
});
