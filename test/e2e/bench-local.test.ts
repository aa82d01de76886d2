import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

// `kubetune bench run --local` end to end with the real stress-ng, fio and iperf3 (short durations from bench.yaml).
const dir = mkdtempSync(join(tmpdir(), 'kubetune-bench-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = join(dir, 'history.sqlite');
writeFileSync(
  join(dir, 'bench.yaml'),
  `local:
  cpuSeconds: 1
  vmSeconds: 1
  vmBytes: 64M
  fioSeconds: 1
  fioSize: 8m
  fdatasyncSize: 1m
  iperfSeconds: 1
  dnsLookups: 20
tolerances:
  cpu.bogo-ops-per-cpu-second: 50
`,
);
const bench = (...args: string[]) => runCli(['bench', ...args, '--store', store], { cwd: dir });

interface JsonReport {
  schemaVersion: number;
  run: { id: string; samples: { metric: string; unit: string; direction: string }[]; failures: unknown[] };
  comparison?: { baselineRunIds: string[]; metrics: { metric: string; verdict: string }[] };
  gates: { metric: string; passed: boolean }[];
  summary: { regressions: number; failedGates: number; failedTests: number };
}

describe('kubetune bench run --local', () => {
  let first = '';
  let second = '';
  it('runs the quick suite with the real tools and prints a table', async () => {
    const r = await bench('run', '--local', '--suite', 'quick', '--dir', dir);
    expect(r.stderr).toContain('kubetune bench: cpu (repeat 1/1)');
    for (const m of [
      'cpu.bogo-ops-per-cpu-second',
      'memory.bogo-ops-per-second',
      'disk.randread-iops',
      'disk.randwrite-clat-p99',
      'disk.seqwrite-bandwidth',
      'disk.fdatasync-p99',
      'net.tcp-throughput',
      'net.udp-loss',
      'dns.lookup-p99',
    ])
      expect(r.stdout, m).toMatch(new RegExp(`^${m.replace('.', '\\.')} `, 'm'));
    expect(r.stdout).toContain('no earlier comparable run');
    expect(r.stdout).not.toContain('FAILED');
    const gateFailed = /^GATE /m.test(r.stdout);
    expect(r.code).toBe(gateFailed ? 1 : 0);
    first = /run (\S+),/.exec(r.stdout)?.[1] ?? '';
    expect(first).not.toBe('');
  }, 120_000);
  it('a second run is compared with the first', async () => {
    const r = await bench('run', '--local', '--suite', 'quick', '--dir', dir, '--format', 'json');
    const doc = JSON.parse(r.stdout) as JsonReport;
    second = doc.run.id;
    expect(doc.schemaVersion).toBe(1);
    expect(doc.comparison?.baselineRunIds).toEqual([first]);
    expect(doc.comparison?.metrics.map((m) => m.metric)).toContain('disk.fdatasync-p99');
    expect(doc.run.samples.find((s) => s.metric === 'disk.fdatasync-p99')).toMatchObject({
      unit: 'ms',
      direction: 'lower',
    });
    expect(doc.gates.map((g) => g.metric)).toEqual(['disk.fdatasync-p99']);
    expect(r.code).toBe(doc.summary.regressions + doc.summary.failedGates > 0 ? 1 : 0);
  }, 120_000);
  it('history, show and compare read the store', async () => {
    const h = await bench('history');
    expect(h.code).toBe(0);
    expect(h.stdout.split('\n').filter((l) => /^\d{8}-\d{6}-[0-9a-f]{4} /.test(l))).toHaveLength(2);
    const s = await bench('show', first, '--format', 'markdown');
    expect(s.stdout).toContain(`run \`${first}\``);
    expect(s.stdout).toContain('| disk.fdatasync-p99 |');
    const c = await bench('compare', second, '--baseline', first); // the runCli clock is fixed: name both
    expect(c.stdout).toContain(`compared with ${first}`);
    const html = await bench('compare', '--format', 'html');
    expect(html.stdout).toContain('<polyline'); // a chart of each metric across the two runs
    expect((await bench('show', 'no-such-run')).code).toBe(2);
    expect((await bench('compare', '--baseline', 'median:0')).code).toBe(2);
  }, 60_000);
  it('--dry-run prints the cluster objects and talks to no cluster', async () => {
    const r = await runCli(
      [
        'bench',
        'run',
        '--dry-run',
        '--suite',
        'storage',
        '--storage-class',
        'gp3',
        '--image',
        'fio=mirror.local/fio:3.33',
        '--node-selector',
        'topology.kubernetes.io/zone=a',
      ],
      { cwd: dir, env: { KUBECONFIG: join(dir, 'none') } },
    );
    expect(r.code).toBe(0);
    const docs = r.stdout.split(/^---\n/m).filter(Boolean);
    expect(docs.length).toBe(6); // a PVC and five fio Jobs
    expect(r.stdout).toContain('storageClassName: gp3');
    expect(r.stdout).toContain('image: mirror.local/fio:3.33');
    expect(r.stdout).toContain('topology.kubernetes.io/zone: a');
    expect((await runCli(['bench', 'run', '--dry-run', '--image', 'nope=x'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['bench', 'run'], { cwd: dir })).stderr).toContain('--dry-run prints their manifests');
  });
  it('rejects a bad bench.yaml naming the file', async () => {
    writeFileSync(join(dir, 'bad.yaml'), 'tolerances:\n  cpu.nope: 5\n');
    const r = await bench('run', '--local', '--config', join(dir, 'bad.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml: tolerances: unknown metric cpu.nope');
  });
});
