/**
 * The backtest and window problems that made `rightsize` mislead, each pinned on the real Online Boutique usage in a
 * real Prometheus: a learning part shorter than the coverage minimum, `not-enough-data` without a reason, an empty
 * window (no series, `--end` in milliseconds, in the future, before the data), the learned values missing from the
 * backtest JSON, and `--cpu-limit none` raising a request to fit a limit it then drops.
 */
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  ONLINE_BOUTIQUE_MANIFESTS,
  onlineBoutiqueFamilies,
  quantile,
  readOnlineBoutique,
  type PodUsage,
} from '../support/online-boutique.js';
import { startBackfilledPrometheus, type BackfilledPrometheus } from '../support/prometheus.js';

let prom: BackfilledPrometheus;
let pods: PodUsage[];
const work = mkdtempSync(join(tmpdir(), 'kubetune-rightsize-guards-'));

async function cli(extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const args = ['rightsize', ONLINE_BOUTIQUE_MANIFESTS, '--prometheus', prom.url];
  const hasEnd = extra.includes('--end');
  const code = await main([...args, ...(hasEnd ? [] : ['--end', String(prom.endSeconds)]), ...extra], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: new PassThrough(),
    env: {},
    cwd: work,
    now: () => new Date((prom.endSeconds + 600) * 1000),
  });
  return { code, stdout, stderr };
}

interface Gap {
  observedHours: number;
  neededHours: number;
  observedPoints: number;
  neededPoints: number;
  missingSeries: string[];
}
interface Rec {
  workload: { name: string };
  container: string;
  status: string;
  gap?: Gap;
  recommended?: { cpuRequest?: number; cpuLimit?: number };
}
const section = (stdout: string) =>
  (JSON.parse(stdout) as { sections: { rightsize: { recommendations: Rec[]; backtest?: unknown } } }).sections
    .rightsize;

beforeAll(async () => {
  pods = readOnlineBoutique();
  prom = await startBackfilledPrometheus(onlineBoutiqueFamilies(pods));
});
afterAll(async () => {
  await prom?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('rightsize cannot mislead', () => {
  it('refuses a backtest whose learning part is shorter than the coverage minimum (exit 2)', async () => {
    // 20 h of history: a 10 h learning half, under the default --min-hours 12.
    const r = await cli(['--history', '20h', '--backtest', '-o', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--backtest: the learning part is 10 h (10 h < --min-hours 12)');
    expect((await cli(['--history', '20h', '--backtest', '--min-hours', '10', '-o', 'json'])).code).toBe(0);
  });

  it('not-enough-data rows say observed hours vs needed and the missing series, in JSON and text', async () => {
    const json = await cli(['--history', '20h', '--min-hours', '24', '-o', 'json']);
    expect(json.code).toBe(0);
    const recs = section(json.stdout).recommendations;
    const front = recs.find((r) => r.workload.name === 'frontend')!;
    expect(front.status).toBe('not-enough-data');
    expect(front.gap).toMatchObject({ neededHours: 24, neededPoints: 100, missingSeries: [] });
    expect(front.gap!.observedHours).toBeGreaterThan(19);
    expect(front.gap!.observedHours).toBeLessThan(20.2);
    const redis = recs.find((r) => r.workload.name === 'redis-cart')!;
    expect(redis.status).toBe('no-data');
    expect(redis.gap!.missingSeries).toEqual([
      'container_memory_working_set_bytes',
      'container_cpu_usage_seconds_total',
    ]);
    const text = await cli(['--history', '20h', '--min-hours', '24']);
    const row = text.stdout.split('\n').find((l) => l.startsWith('Deployment/default/frontend'))!;
    expect(row).toMatch(/not-enough-data .*\d+\.\d h of 24 h needed, \d+ of 100 points/);
    expect(text.stdout).toMatch(/redis-cart .*no samples of container_memory_working_set_bytes/);
  });

  describe('an empty window is an error naming what was queried (exit 2)', () => {
    it('no series for the selector', async () => {
      const r = await cli(['-n', 'nothing-here', '-o', 'json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no usage series in Prometheus for container_memory_working_set_bytes{');
      expect(r.stderr).toContain('namespace=~"nothing-here"');
    });

    it('--end in milliseconds', async () => {
      const r = await cli(['--end', String(prom.endSeconds * 1000), '-o', 'json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`looks like milliseconds`);
      expect(r.stderr).toContain(`give unix seconds (${prom.endSeconds})`);
    });

    it('--end in the future', async () => {
      const r = await cli(['--end', String(prom.endSeconds + 86_400), '-o', 'json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is in the future');
    });

    it('--end before the data', async () => {
      const r = await cli(['--end', '2020-01-01T00:00:00Z', '--history', '1d', '-o', 'json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('between 2019-12-31T00:00:00Z and 2020-01-01T00:00:00Z');
      expect(r.stdout).toBe('');
    });
  });

  it('the backtest JSON carries every strategy’s learned requests and limits per container', async () => {
    const r = await cli(['--history', '20h', '--backtest', '--min-hours', '10', '-o', 'json']);
    const bt = section(r.stdout).backtest as {
      strategies: { label: string; containers: { workload: { name: string }; status: string; learned?: object }[] }[];
    };
    for (const s of bt.strategies)
      for (const c of s.containers.filter((x) => x.status === 'ok'))
        expect(c.learned, `${s.label} ${c.workload.name}`).toMatchObject({ cpuRequest: expect.any(Number) });
    expect(bt.strategies.flatMap((s) => s.containers.filter((c) => c.status === 'ok'))).toHaveLength(40);
  });

  it('--cpu-limit none keeps the request at p95: it is never raised to fit the limit it drops', async () => {
    const r = await cli(['--history', '1d', '--cpu-limit', 'none', '-o', 'json']);
    expect(r.code).toBe(0);
    const ok = section(r.stdout).recommendations.filter((x) => x.status === 'ok');
    expect(ok).toHaveLength(10);
    for (const rec of ok) {
      const p95 = quantile(
        pods.find((p) => p.deployment === rec.workload.name)!.rows.map((x) => x.cpuMillicores),
        0.95,
      );
      // p95 (irate of the counter: the CSV's per-minute usage), floored at --min-cpu 10m, rounded up to 5m.
      expect(rec.recommended!.cpuLimit, rec.workload.name).toBeUndefined();
      expect(rec.recommended!.cpuRequest, rec.workload.name).toBe(Math.max(10, Math.ceil(p95 / 5 - 1e-9) * 5));
    }
  });
});
