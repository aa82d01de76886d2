/**
 * Audit and rightsize agree on "acceptable": manifests rewritten by `kubetune rightsize --apply` (the default
 * strategy, on the real Online Boutique usage and on seeded bursty / growing traces) pass the audit's resource and
 * runtime rules under the same profile — no warning or error on a container rightsize sized. And the spike case
 * through the whole pipeline: a seeded fault-spikes trace backtested in Prometheus.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateShape, type ShapeName } from '../../bench/rightsize-shapes.js';
import { main } from '../../src/cli/main.js';
import {
  ONLINE_BOUTIQUE_MANIFESTS,
  onlineBoutiqueFamilies,
  quantile,
  readOnlineBoutique,
  type PodUsage,
} from '../support/online-boutique.js';
import { startBackfilledPrometheus, type BackfilledPrometheus, type MetricFamily } from '../support/prometheus.js';

const work = mkdtempSync(join(tmpdir(), 'kubetune-rightsize-audit-'));
const SHAPE_END = Math.floor(Date.UTC(2026, 0, 1) / 1000) - 60;
const SHAPES: readonly ShapeName[] = ['fault-spikes', 'batch-bursts', 'memory-growth'];
let prom: BackfilledPrometheus;
let obEnd = 0;
const shapePods = new Map<ShapeName, readonly PodUsage[]>();

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: new PassThrough(),
    env: {},
    cwd: work,
    now: () => new Date((SHAPE_END + 3600) * 1000),
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  const ob = readOnlineBoutique();
  obEnd = Math.max(...ob.flatMap((p) => p.rows.map((r) => r.t)));
  const families = new Map<string, MetricFamily>();
  const add = (fs: readonly MetricFamily[]) =>
    fs.forEach((f) => {
      const prev = families.get(f.name);
      families.set(f.name, prev ? { ...f, series: [...prev.series, ...f.series] } : f);
    });
  add(onlineBoutiqueFamilies(ob));
  for (const shape of SHAPES) {
    const s = generateShape(shape, { seed: 3, days: 2, endSeconds: SHAPE_END, workloads: 4 });
    writeFileSync(join(work, `${shape}.yaml`), s.manifests);
    shapePods.set(shape, s.pods);
    add(onlineBoutiqueFamilies(s.pods, s.namespace));
  }
  prom = await startBackfilledPrometheus(families.values());
});
afterAll(async () => {
  await prom?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Rules that judge the resources and runtime settings rightsize writes. */
const RESOURCE_RULES = [
  'cpu-limit-ratio',
  'memory-limit-ratio',
  'cpu-request-missing',
  'memory-request-missing',
  'memory-limit-missing',
  'gomaxprocs-vs-cpu-limit',
  'gomemlimit-vs-memory-limit',
  'jvm-heap-vs-memory-limit',
];

interface Finding {
  ruleId: string;
  severity: string;
  object: { name: string };
  message: string;
}

async function rightsizeThenAudit(file: string, end: number, profile: string, extra: string[] = []) {
  const r = await cli([
    'rightsize',
    file,
    '--prometheus',
    prom.url,
    '--end',
    String(end),
    '--profile',
    profile,
    '--apply',
    '-o',
    'json',
    ...extra,
  ]);
  expect(r.code, r.stderr).toBe(0);
  const recs = (
    JSON.parse(r.stdout) as {
      sections: { rightsize: { recommendations: { status: string; workload: { name: string } }[] } };
    }
  ).sections.rightsize.recommendations;
  const sized = new Set(recs.filter((x) => x.status === 'ok').map((x) => x.workload.name));
  expect(sized.size).toBeGreaterThan(0);
  const audit = await cli(['audit', file, '--profile', profile, '-o', 'json', '--fail-on', 'none']);
  expect(audit.code, audit.stderr).toBe(0);
  const findings = (JSON.parse(audit.stdout) as { findings: Finding[] }).findings;
  return findings.filter((f) => sized.has(f.object.name) && RESOURCE_RULES.includes(f.ruleId) && f.severity !== 'info');
}

describe('a rightsized manifest passes the audit', () => {
  for (const profile of ['guide', 'strict']) {
    it(`Online Boutique (real usage), profile ${profile}`, async () => {
      const file = join(work, `online-boutique-${profile}.yaml`);
      copyFileSync(ONLINE_BOUTIQUE_MANIFESTS, file);
      const before = await cli(['audit', file, '--profile', profile, '-o', 'json', '--fail-on', 'none']);
      // The manifests as shipped do get resource findings: the comparison below is not between two empty lists.
      const ratio = (JSON.parse(before.stdout) as { findings: Finding[] }).findings.filter((f) =>
        RESOURCE_RULES.includes(f.ruleId),
      );
      if (profile === 'strict') expect(ratio.length).toBeGreaterThan(0);
      expect(await rightsizeThenAudit(file, obEnd, profile, ['--history', '20h'])).toEqual([]);
    });

    for (const shape of SHAPES)
      it(`${shape} (generated), profile ${profile}`, async () => {
        const file = join(work, `${shape}-${profile}.yaml`);
        copyFileSync(join(work, `${shape}.yaml`), file);
        expect(await rightsizeThenAudit(file, SHAPE_END, profile, ['--history', '2d'])).toEqual([]);
      });
  }
});

describe('the spike case, replayed through Prometheus', () => {
  it('short spikes far above a small p95: request near p95, no CPU limit, 0 OOM and 0 throttled minutes', async () => {
    const r = await cli([
      'rightsize',
      join(work, 'fault-spikes.yaml'),
      '--prometheus',
      prom.url,
      '--end',
      String(SHAPE_END),
      '--history',
      '2d',
      '--backtest',
      '-o',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    interface Row {
      workload: { name: string };
      status: string;
      learned?: { cpuRequest?: number; cpuLimit?: number };
    }
    const bt = (
      JSON.parse(r.stdout) as {
        sections: {
          rightsize: {
            backtest: {
              replaySeconds: { start: number };
              strategies: { label: string; totals: Record<string, number>; containers: Row[] }[];
            };
          };
        };
      }
    ).sections.rightsize.backtest;
    const guide = bt.strategies.find((s) => s.label === 'guide')!;
    expect(guide.totals).toMatchObject({ oomSamples: 0, throttledMinutes: 0 });
    const keep = bt.strategies.find((s) => s.label === 'guide --cpu-limit keep-ratio')!;
    expect(keep.totals['monthlyCost']).toBeGreaterThan(2 * guide.totals['monthlyCost']!);
    for (const c of guide.containers) {
      const rows = shapePods.get('fault-spikes')!.find((p) => p.deployment === c.workload.name)!.rows;
      const train = rows.filter((x) => x.t <= bt.replaySeconds.start).map((x) => x.cpuMillicores);
      const [p95, peak] = [quantile(train, 0.95), Math.max(...train)];
      expect(peak, `${c.workload.name}: a spike far above the p95`).toBeGreaterThan(5 * p95);
      expect(c.learned!.cpuLimit, c.workload.name).toBeUndefined();
      // The p95 (irate of the counter, so within a rounding of the CSV's per-minute usage), floored at 10m, 5m steps.
      expect(c.learned!.cpuRequest, c.workload.name).toBeLessThanOrEqual(Math.max(10, Math.ceil(p95 / 5) * 5) + 5);
    }
  });
});
