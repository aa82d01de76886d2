/**
 * `kubetune diagnose` against a real Prometheus holding backfilled scenario history (real metric names and labels).
 * Each scenario pins exactly which KPIs become bottlenecks at which priority, and the root-cause chains.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackfilledPrometheus, type BackfilledPrometheus } from '../support/prometheus.js';
import { bottlenecksOf, runCli, type DiagnoseJson } from './diagnose-cli.js';
import { clusterFamilies, scenarioRange, SCENARIOS, type ScenarioName } from './diagnose-scenarios.js';

const END = 1_767_225_600; // 2026-01-01T00:00:00Z
const proms = new Map<ScenarioName, BackfilledPrometheus>();

beforeAll(async () => {
  await Promise.all(
    (Object.keys(SCENARIOS) as ScenarioName[]).map(async (name) => {
      proms.set(
        name,
        await startBackfilledPrometheus(clusterFamilies(SCENARIOS[name], { nodes: 6, range: scenarioRange(END) })),
      );
    }),
  );
});
afterAll(() => Promise.all([...proms.values()].map((p) => p.stop())));

async function diagnoseScenario(
  name: ScenarioName,
  extra: string[] = [],
): Promise<{ code: number; report: DiagnoseJson; stderr: string }> {
  const prom = proms.get(name)!;
  const run = await runCli([
    'diagnose',
    '--prometheus',
    prom.url,
    '--time',
    String(END),
    '--window',
    '1h',
    '-o',
    'json',
    ...extra,
  ]);
  return { code: run.code, report: JSON.parse(run.stdout) as DiagnoseJson, stderr: run.stderr };
}

const chains = (r: DiagnoseJson) => r.sections.diagnose.rootCauses.map((c) => c.chain.join(' > '));

describe('diagnose on backfilled scenarios (real Prometheus)', () => {
  it('healthy cluster: no bottleneck, exit 0, unscraped components reported as not measured', async () => {
    const { code, report, stderr } = await diagnoseScenario('healthy');
    expect(bottlenecksOf(report)).toEqual({});
    expect(code).toBe(0);
    const notMeasured = report.sections.diagnose.kpis.filter((k) => k.status === 'not-measured').map((k) => k.kpi);
    expect(notMeasured.sort()).toEqual(['coredns-latency-p99', 'coredns-servfail-ratio', 'kubelet-runtime-op-p99']);
    expect(report.diagnostics.filter((d) => d.code === 'not-measured' && d.severity === 'warning')).toHaveLength(3);
    const measured = report.sections.diagnose.kpis.filter((k) => k.status === 'measured');
    expect(measured.length).toBeGreaterThan(30);
    // one query per KPI, plus the build-info checks
    expect(stderr).toMatch(/diagnose: 4[0-9] queries \(0 retries, 0 failed/);
  });

  it('slow etcd disk: P0 etcd fsync and API latency, chained back to the disk of cp-1', async () => {
    const { code, report } = await diagnoseScenario('slow-etcd-disk');
    expect(bottlenecksOf(report)).toEqual({
      'node-disk-utilisation': 'P1',
      'node-disk-await': 'P1',
      'node-iowait': 'P2',
      'etcd-wal-fsync-p99': 'P0',
      'etcd-backend-commit-p99': 'P0',
      'apiserver-etcd-latency-p99': 'P1',
      'apiserver-latency-p99-resource': 'P0',
    });
    expect(chains(report)).toContain(
      'node-disk-utilisation > node-disk-await > etcd-wal-fsync-p99 > apiserver-etcd-latency-p99 > apiserver-latency-p99-resource',
    );
    const fsync = report.findings.find((f) => f.messageId === 'etcd-wal-fsync-p99')!;
    expect(fsync.object).toMatchObject({ kind: 'Node', name: '10.0.0.1' });
    expect(String(fsync.evidence?.['query'])).toContain('etcd_disk_wal_fsync_duration_seconds_bucket[1h]');
    expect(code).toBe(1);
  });

  it('API server overload: saturation → queueing/rejections → 429s and latency', async () => {
    const { report } = await diagnoseScenario('apiserver-overload');
    expect(bottlenecksOf(report)).toEqual({
      'apiserver-qps': 'P2',
      'apiserver-seat-saturation': 'P0',
      'apiserver-apf-wait-p99': 'P1',
      'apiserver-apf-rejections': 'P0',
      'apiserver-429-ratio': 'P1',
      'apiserver-latency-p99-resource': 'P0',
      'apiserver-latency-p99-namespace': 'P0',
    });
    expect(chains(report)).toEqual(
      expect.arrayContaining([
        'apiserver-qps > apiserver-seat-saturation > apiserver-apf-rejections > apiserver-429-ratio',
        'apiserver-qps > apiserver-seat-saturation > apiserver-apf-wait-p99 > apiserver-latency-p99-resource',
      ]),
    );
  });

  it('node memory pressure: node memory P0 → OOM kills → restarts on the same node', async () => {
    const { report } = await diagnoseScenario('node-memory-pressure');
    expect(bottlenecksOf(report)).toEqual({
      'node-memory-utilisation': 'P0',
      'node-major-page-faults': 'P1',
      'container-memory-vs-limit': 'P1',
      'container-oom-kills': 'P0',
      'container-restarts': 'P1',
    });
    expect(chains(report)).toEqual(
      expect.arrayContaining([
        'node-memory-utilisation > container-oom-kills > container-restarts',
        'node-memory-utilisation > node-major-page-faults',
      ]),
    );
    const node = report.findings.find((f) => f.messageId === 'node-memory-utilisation')!;
    expect(node.object.name).toBe('10.0.0.2');
  });

  it('CPU-throttled service: CPU limit → throttling → service latency, on the same pod', async () => {
    const { report } = await diagnoseScenario('cpu-throttled-service');
    expect(bottlenecksOf(report)).toEqual({
      'container-cpu-vs-limit': 'P2',
      'container-cpu-throttling': 'P0',
      'service-latency-p99': 'P1',
    });
    expect(chains(report)).toEqual(['container-cpu-vs-limit > container-cpu-throttling > service-latency-p99']);
    const throttled = report.findings.find((f) => f.messageId === 'container-cpu-throttling')!;
    expect(throttled.object).toMatchObject({ kind: 'Pod', namespace: 'shop', name: 'frontend-7d9f8b6c5-x2k4q' });
  });

  it('two simultaneous causes: two independent chains, each with its own root', async () => {
    const { report } = await diagnoseScenario('etcd-disk-and-throttled-service');
    const roots = report.sections.diagnose.rootCauses.map((c) => c.chain[0]);
    expect(new Set(roots)).toEqual(new Set(['node-disk-utilisation', 'container-cpu-vs-limit']));
    expect(bottlenecksOf(report)['etcd-wal-fsync-p99']).toBe('P0');
    expect(bottlenecksOf(report)['container-cpu-throttling']).toBe('P0');
  });

  it('profiles change the verdict: strict flags what guide tolerates, --fail-on none exits 0', async () => {
    const guide = await diagnoseScenario('healthy');
    const strict = await diagnoseScenario('healthy', ['--profile', 'strict', '--fail-on', 'none']);
    expect(Object.keys(bottlenecksOf(guide.report))).toHaveLength(0);
    expect(Object.keys(bottlenecksOf(strict.report))).toContain('apiserver-latency-p99-resource');
    expect(strict.code).toBe(0);
  });
});
