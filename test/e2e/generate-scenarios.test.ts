/**
 * Generated monitoring against a real Prometheus holding each diagnose scenario's history: rules generated with
 * discovery from that Prometheus, their recording rules backfilled by promtool and loaded. The alerts that fire at
 * the scenario's end are the problems `kubetune diagnose` reports there (same KPI, same priority, compared both
 * ways), none fires on the healthy cluster, and every dashboard panel query parses and returns data.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePromQL } from '../../src/model/promql.js';
import { runCli } from '../support/cli.js';
import { promtool } from '../support/promtool.js';
import { bottlenecksOf, type DiagnoseJson } from './diagnose-cli.js';
import { clusterFamilies, scenarioRange, SCENARIOS, type ScenarioName } from './diagnose-scenarios.js';
import {
  addRecordingRules,
  alertsOf,
  firingAt,
  loadedRules,
  seriesAt,
  startScenario,
  withRequests,
  withVariables,
  type ScenarioProm,
} from './generate-scenarios-support.js';

const END = 1_767_225_600; // 2026-01-01T00:00:00Z
const RANGE = scenarioRange(END);
const started: ScenarioProm[] = [];
afterAll(async () => {
  for (const s of started) {
    await s.prom.stop();
    await rm(s.work, { recursive: true, force: true });
  }
});

const RANK = ['P0', 'P1', 'P2'];
const worst = (a: string | undefined, b: string): string =>
  a === undefined || RANK.indexOf(b) < RANK.indexOf(a) ? b : a;

async function scenario(name: ScenarioName) {
  const families = withRequests(clusterFamilies(SCENARIOS[name], { nodes: 6, range: RANGE }), RANGE);
  const s = await startScenario(families);
  started.push(s);
  const out = join(s.work, 'monitoring');
  const gen = await runCli(['generate', 'rules', 'dashboards', '--prometheus', s.prom.url, '--out', out]);
  expect(gen.code, gen.stderr).toBe(0);
  const ruleFile = join(out, 'rules/kubetune.rules.yaml');
  await addRecordingRules(s, ruleFile, RANGE);
  return { s, out, ruleFile, stderr: gen.stderr };
}

async function compare(name: ScenarioName) {
  const { s, ruleFile, stderr } = await scenario(name);
  const groups = await loadedRules(s.prom);
  expect(groups.length).toBeGreaterThan(5);
  expect(groups.flatMap((g) => g.rules).filter((r) => r.health === 'err')).toEqual([]);
  const fired = await firingAt(s.prom, await alertsOf(ruleFile), END);
  const byKpi: Record<string, string> = {};
  for (const a of fired.filter((x) => x.labels['kpi']))
    byKpi[a.labels['kpi']!] = worst(byKpi[a.labels['kpi']!], a.labels['priority']!);
  const slo = fired.filter((a) => a.labels['slo']).map((a) => `${a.alert} ${a.labels['long']}/${a.labels['short']}`);
  const run = await runCli([
    'diagnose',
    '--prometheus',
    s.prom.url,
    '--time',
    String(END),
    '--window',
    '1h',
    '-o',
    'json',
  ]);
  const diagnosed = bottlenecksOf(JSON.parse(run.stdout) as DiagnoseJson);
  const differences = [
    ...Object.entries(diagnosed)
      .filter(([k, p]) => byKpi[k] !== p)
      .map(([k, p]) => `diagnose ${k} ${p}, alert ${byKpi[k] ?? 'none'}`),
    ...Object.entries(byKpi)
      .filter(([k]) => diagnosed[k] === undefined)
      .map(([k, p]) => `alert ${k} ${p}, diagnose none`),
  ];
  return { byKpi, diagnosed, differences, slo, stderr };
}

describe('generated alerts on backfilled scenarios (real Prometheus, rules loaded)', { timeout: 600_000 }, () => {
  it('healthy: no alert fires, diagnose finds nothing; what the cluster lacks is left out and named', async () => {
    const r = await compare('healthy');
    expect(r.diagnosed).toEqual({});
    expect(r.byKpi).toEqual({});
    expect(r.slo).toEqual([]);
    expect(r.stderr).toContain('left out: coredns-latency-p99: no coredns_dns_request_duration_seconds_bucket series');
    expect(r.stderr).toContain('left out: kubelet-runtime-op-p99');
  });

  for (const name of [
    'slow-etcd-disk',
    'apiserver-overload',
    'node-memory-pressure',
    'cpu-throttled-service',
  ] as const) {
    it(`${name}: the alerts that fire are the problems diagnose reports, at the same priority`, async () => {
      const r = await compare(name);
      expect(Object.keys(r.diagnosed).length).toBeGreaterThan(2);
      expect(r.differences).toEqual([]);
    });
  }

  it('--from-history: an early level from the baseline, never looser than the profile, with its numbers', async () => {
    const s = await startScenario(clusterFamilies(SCENARIOS.healthy, { nodes: 6, range: RANGE }));
    started.push(s);
    const args = ['generate', 'rules', '--prometheus', s.prom.url, '--from-history', '1h', '--time', String(END)];
    const run = await runCli(args);
    expect(run.code, run.stderr).toBe(0);
    // etcd fsync p99 of the healthy members over 5m windows is ≈ 3 ms: × 2 ≈ 5 ms, below the guide P2 of 10 ms
    const fsync = /history: etcd-wal-fsync-p99 P2 at ([0-9.]+) \(p99 over 1h = ([0-9.]+) ms × 2 margin/.exec(
      run.stderr,
    );
    expect(fsync, run.stderr).not.toBeNull();
    expect(Number(fsync![1])).toBeLessThan(0.01);
    expect(Number(fsync![1])).toBeCloseTo((Number(fsync![2]) / 1000) * 2, 3);
    expect(run.stdout).toContain('# Thresholds from this cluster history (profile level beside it):');
    expect(run.stdout).toContain(`kubetune:etcd_wal_fsync_p99:5m > ${fsync![1]} <= 0.1`);
    // the rest of the history is looser than the profile or a count: the profile's levels stay
    expect(run.stdout).toContain('kubetune:etcd_wal_fsync_p99:5m > 0.1\n');
    const file = join(s.work, 'history.rules.yaml');
    await writeFile(file, run.stdout);
    expect((await promtool(['check', 'rules', file])).code).toBe(0);
  });

  it('every dashboard panel query parses and returns data', async () => {
    const { s, out } = await scenario('cpu-throttled-service');
    const files = (await readdir(join(out, 'dashboards'))).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual([
      'kubetune-control-plane.json',
      'kubetune-etcd.json',
      'kubetune-nodes.json',
      'kubetune-rightsizing.json',
      'kubetune-workloads.json',
    ]);
    const empty: string[] = [];
    let queries = 0;
    for (const f of files) {
      const board = JSON.parse(await readFile(join(out, 'dashboards', f), 'utf8')) as {
        panels: { title: string; targets: { expr: string }[] }[];
      };
      for (const p of board.panels) {
        for (const t of p.targets) {
          queries++;
          expect(parsePromQL(t.expr).ok, `${f} ${p.title}: ${t.expr}`).toBe(true);
          if ((await seriesAt(s.prom, withVariables(t.expr), END)) === 0) empty.push(`${f} ${p.title}`);
        }
      }
    }
    expect(queries).toBeGreaterThan(40);
    expect(empty).toEqual([]);
  });
});
