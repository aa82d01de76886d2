/**
 * Opt-in: runs against a real cluster when KUBETUNE_E2E_KUBECONFIG names a kubeconfig (its current context is
 * used, or KUBETUNE_E2E_CONTEXT). No API server can run on the build machines, so without it every test here is
 * reported as skipped (never as passed), with the reason in its name and on stdout.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { connect } from '../../src/sources/live/kubeconfig.js';
import { readCluster } from '../../src/sources/live/read.js';

const kubeconfig = process.env['KUBETUNE_E2E_KUBECONFIG'];
const context = process.env['KUBETUNE_E2E_CONTEXT'];
const reason = kubeconfig ? '' : ' (skipped: KUBETUNE_E2E_KUBECONFIG is not set)';
if (!kubeconfig)
  console.log('live e2e against a real cluster: SKIPPED — set KUBETUNE_E2E_KUBECONFIG=<kubeconfig> to run it');

const cliIo = (out: string[], err: string[]) => ({
  stdout: { write: (s: string) => out.push(s) },
  stderr: { write: (s: string) => err.push(s) },
  stdin: Readable.from([]),
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
});
const ctxFlags = () => [
  ...(kubeconfig ? ['--kubeconfig', kubeconfig] : []),
  ...(context ? ['--context', context] : []),
];

describe('a real cluster', () => {
  it.skipIf(!kubeconfig)(`lists nodes and pods page by page and reads the server version${reason}`, async () => {
    const conn = await connect({ kubeconfig: kubeconfig!, ...(context ? { context } : {}) });
    const r = await readCluster(conn.api, { limit: 100 });
    conn.api.close();
    expect(r.gitVersion).toMatch(/^v1\.\d+/);
    expect(
      r.resources.some((x) => x.object.kind === 'Node') ||
        r.kinds.find((k) => k.kind === 'Node')?.status === 'forbidden',
    ).toBe(true);
    expect(r.resources.some((x) => x.object.kind === 'Secret')).toBe(false);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    console.log(
      `real cluster ${conn.context}: ${r.stats.objects} objects, ${r.kinds.filter((k) => k.status === 'forbidden').length} kinds forbidden`,
    );
  });

  it.skipIf(!kubeconfig)(`audits the live context and a snapshot of it to the same findings${reason}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-real-'));
    const file = join(dir, 'snap.yaml');
    const [o1, e1, o2, e2, o3, e3] = [[], [], [], [], [], []] as string[][];
    expect(await main(['snapshot', ...ctxFlags(), '--output-file', file, '--no-kubelet'], cliIo(o1!, e1!))).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^# kubetune snapshot of context/);
    const live = await main(['audit', ...ctxFlags(), '-o', 'json', '--fail-on', 'none'], cliIo(o2!, e2!));
    expect([0, 4]).toContain(live);
    const version = JSON.parse(o2!.join('')).kubeVersion as string;
    await main(['audit', file, '--kube-version', version, '-o', 'json', '--fail-on', 'none'], cliIo(o3!, e3!));
    const count = (o: string[]) => JSON.parse(o.join('')).summary.findings as number;
    // the cluster may change between the two reads; the counts must still be close
    expect(Math.abs(count(o2!) - count(o3!))).toBeLessThanOrEqual(Math.max(5, count(o2!) * 0.05));
  });
});
