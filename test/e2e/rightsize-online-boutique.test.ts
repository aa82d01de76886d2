/**
 * Real data, real Prometheus: the Online Boutique usage (10 services, ~20 h at 1-minute resolution) is backfilled
 * with promtool into a real Prometheus, the services' manifests are the current spec, and the CLI runs in-process.
 * Every recommendation is checked against statistics computed here, independently, from the CSV files.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { main } from '../../src/cli/main.js';
import {
  ONLINE_BOUTIQUE_MANIFESTS,
  onlineBoutiqueFamilies,
  quantile,
  readOnlineBoutique,
  type PodUsage,
} from '../support/online-boutique.js';
import { startBackfilledPrometheus, type BackfilledPrometheus } from '../support/prometheus.js';

interface Values {
  cpuRequest?: number;
  cpuLimit?: number;
  memoryRequest?: number;
  memoryLimit?: number;
}
interface Rec {
  workload: { namespace: string; kind: string; name: string };
  container: string;
  status: string;
  recommended?: Values;
  current: Values;
}
interface Section {
  recommendations: Rec[];
  backtest?: {
    replaySeconds: { start: number; end: number };
    strategies: {
      strategy: string;
      label: string;
      containers: {
        workload: { name: string };
        container: string;
        oomSamples: number;
        throttledMinutes: number;
        learned?: Values;
      }[];
    }[];
  };
}

let prom: BackfilledPrometheus;
let pods: PodUsage[];
const work = mkdtempSync(join(tmpdir(), 'kubetune-rightsize-e2e-'));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: new PassThrough(),
    env: {},
    cwd: work,
    now: () => new Date(prom.endSeconds * 1000),
  });
  return { code, stdout, stderr };
}

async function rightsizeJson(extra: string[]): Promise<Section> {
  const r = await cli([
    'rightsize',
    ONLINE_BOUTIQUE_MANIFESTS,
    '--prometheus',
    prom.url,
    '--history',
    '1d',
    '--end',
    String(prom.endSeconds),
    '-o',
    'json',
    ...extra,
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { sections: { rightsize: Section } }).sections.rightsize;
}

const usageOf = (name: string) => pods.find((p) => p.deployment === name)!;

beforeAll(async () => {
  pods = readOnlineBoutique();
  prom = await startBackfilledPrometheus(onlineBoutiqueFamilies(pods));
});
afterAll(async () => {
  await prom?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('rightsize on the Online Boutique usage', () => {
  it('recommends for the 10 measured services and says "no data" for the unmeasured ones', async () => {
    const s = await rightsizeJson([]);
    const ok = s.recommendations
      .filter((r) => r.status === 'ok')
      .map((r) => r.workload.name)
      .sort();
    expect(ok).toEqual(pods.map((p) => p.deployment).sort());
    const missing = s.recommendations
      .filter((r) => r.status !== 'ok')
      .map((r) => `${r.workload.name}/${r.container}`)
      .sort();
    expect(missing).toEqual(['loadgenerator/frontend-check', 'loadgenerator/main', 'redis-cart/redis']);
  });

  for (const strategy of ['guide', 'krr-simple', 'vpa'] as const) {
    it(`${strategy}: every memory limit covers the observed peak${strategy === 'vpa' ? '' : ', every CPU request the observed p95'}`, async () => {
      const s = await rightsizeJson(['--strategy', strategy]);
      for (const r of s.recommendations.filter((x) => x.status === 'ok')) {
        const rows = usageOf(r.workload.name).rows;
        const peak = Math.max(...rows.map((x) => x.memoryBytes));
        const p95 = quantile(
          rows.map((x) => x.cpuMillicores),
          0.95,
        );
        expect(r.recommended!.memoryLimit, `${r.workload.name} memory`).toBeGreaterThanOrEqual(peak);
        if (strategy !== 'vpa') expect(r.recommended!.cpuRequest, `${r.workload.name} cpu`).toBeGreaterThanOrEqual(p95);
        if (strategy === 'krr-simple') expect(r.recommended!.cpuLimit).toBeUndefined();
        if (r.recommended!.cpuLimit !== undefined)
          expect(r.recommended!.cpuLimit).toBeGreaterThanOrEqual(r.recommended!.cpuRequest!);
      }
    });
  }

  it('backtest: simulated OOM kills and throttled minutes match a replay of the CSV', async () => {
    // Learn on the first 2 h (the fault injections of the first services), replay the next 18 h.
    const s = await rightsizeJson(['--backtest', '--history', '20h', '--train-fraction', '0.1', '--min-hours', '1']);
    const bt = s.backtest!;
    let violations = 0;
    expect(bt.strategies.map((x) => x.label)).toEqual(['guide', 'krr-simple', 'vpa', 'guide --cpu-limit keep-ratio']);
    for (const label of ['guide', 'krr-simple', 'vpa', 'guide --cpu-limit keep-ratio']) {
      const [strategy, ...policy] = label.split(' ');
      // The backtest JSON carries what each strategy learned: the same values as learning on the first part alone.
      const learned = await rightsizeJson([
        '--strategy',
        strategy!,
        ...policy,
        '--history',
        '2h',
        '--end',
        String(bt.replaySeconds.start),
        '--min-hours',
        '1',
      ]);
      const result = bt.strategies.find((x) => x.label === label)!;
      for (const c of result.containers.filter((x) => usageOf(x.workload.name))) {
        const rec = c.learned!;
        expect(rec, `${label} ${c.workload.name} learned`).toEqual(
          learned.recommendations.find((r) => r.workload.name === c.workload.name && r.container === c.container)!
            .recommended,
        );
        const replay = usageOf(c.workload.name).rows.filter(
          (r) => r.t > bt.replaySeconds.start && r.t <= bt.replaySeconds.end,
        );
        const oom = replay.filter((r) => rec.memoryLimit !== undefined && r.memoryBytes > rec.memoryLimit).length;
        const throttled = replay.filter((r) => rec.cpuLimit !== undefined && r.cpuMillicores > rec.cpuLimit).length;
        expect(c.oomSamples, `${label} ${c.workload.name} oom`).toBe(oom);
        expect(c.throttledMinutes, `${label} ${c.workload.name} throttled`).toBe(throttled);
        violations += oom + throttled;
      }
    }
    // The replay holds fault injections the first 2 h never saw: the comparison above is not between zeros.
    expect(violations).toBeGreaterThan(0);
  });

  it('writes strategic-merge patches, a kustomize overlay and Helm values that carry the recommendations', async () => {
    const out = join(work, 'out');
    const r = await cli([
      'rightsize',
      ONLINE_BOUTIQUE_MANIFESTS,
      '--prometheus',
      prom.url,
      '--history',
      '1d',
      '--end',
      String(prom.endSeconds),
      '-o',
      'json',
      '--patches',
      join(out, 'patches'),
      '--kustomize',
      join(out, 'overlay'),
      '--helm-values',
      join(out, 'values.yaml'),
    ]);
    expect(r.code).toBe(0);
    const recs = (
      JSON.parse(r.stdout) as { sections: { rightsize: Section } }
    ).sections.rightsize.recommendations.filter((x) => x.status === 'ok');
    const patch = parse(readFileSync(join(out, 'patches', 'default.deployment.frontend.yaml'), 'utf8'));
    const front = recs.find((x) => x.workload.name === 'frontend')!;
    expect(patch.kind).toBe('Deployment');
    expect(patch.spec.template.spec.containers[0].name).toBe('server');
    expect(patch.spec.template.spec.containers[0].resources.requests.cpu).toBe(`${front.recommended!.cpuRequest}m`);
    const kustomization = parse(readFileSync(join(out, 'overlay', 'kustomization.yaml'), 'utf8'));
    expect(kustomization.patches).toHaveLength(10);
    for (const p of kustomization.patches) expect(existsSync(join(out, 'overlay', p.path))).toBe(true);
    const values = parse(readFileSync(join(out, 'values.yaml'), 'utf8'));
    expect(Object.keys(values).sort()).toEqual(pods.map((p) => p.deployment).sort());
  });

  it('--apply rewrites the manifest resources in place and keeps every comment', async () => {
    const file = join(work, 'manifests.yaml');
    copyFileSync(ONLINE_BOUTIQUE_MANIFESTS, file);
    const before = readFileSync(file, 'utf8');
    const r = await cli([
      'rightsize',
      file,
      '--prometheus',
      prom.url,
      '--history',
      '1d',
      '--end',
      String(prom.endSeconds),
      '-o',
      'json',
      '--apply',
    ]);
    expect(r.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    const comments = (t: string) =>
      t
        .split('\n')
        .filter((l) => l.trim().startsWith('#'))
        .map((l) => l.trim());
    expect(comments(after)).toEqual(comments(before));
    const recs = (
      JSON.parse(r.stdout) as { sections: { rightsize: Section } }
    ).sections.rightsize.recommendations.filter((x) => x.status === 'ok');
    const docs = parseAllDocuments(after).map((d) => d.toJS());
    for (const rec of recs) {
      const obj = docs.find((d) => d?.kind === 'Deployment' && d.metadata.name === rec.workload.name);
      const c = obj.spec.template.spec.containers.find((x: { name: string }) => x.name === rec.container);
      expect(c.resources.requests.cpu, rec.workload.name).toBe(`${rec.recommended!.cpuRequest}m`);
      expect(c.resources.limits.memory).toMatch(/^\d+(Mi|Gi)$/);
    }
    // Untouched documents keep their bytes: the Services are identical.
    const services = (t: string) =>
      parseAllDocuments(t)
        .map((d) => d.toJS())
        .filter((d) => d?.kind === 'Service');
    expect(services(after)).toEqual(services(before));
  });
});
