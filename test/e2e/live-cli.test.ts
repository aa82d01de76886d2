import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Finding } from '../../src/engine/types.js';
import { loadApiServerMetrics, loadCapture, writeKubeconfig } from '../support/replay-cluster.js';
import { startReplayServer, type ReplayServer } from '../support/replay-server.js';

function io(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      stdin: Readable.from([]),
      env: { HOME: '/nonexistent', ...env },
      cwd: process.cwd(),
      now: () => new Date('2026-11-23T12:00:00Z'),
    },
  };
}

const comparable = (fs: readonly Finding[]) =>
  fs
    .map((f) => JSON.stringify({ rule: f.ruleId, sev: f.severity, obj: f.object, path: f.path, msg: f.message }))
    .sort();

const leakyPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'leaky', namespace: 'default', uid: 'leaky-1' },
  spec: { containers: [{ name: 'app', image: 'app:latest', env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] }] },
};

let server: ReplayServer;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  server = await startReplayServer({
    objects: [...loadCapture(), leakyPod],
    forbidden: ['networkpolicies'],
    metricsText: loadApiServerMetrics(),
    configz: () => ({ maxPods: 110 }),
  });
  dir = mkdtempSync(join(tmpdir(), 'kt-e2e-live-'));
  kubeconfig = writeKubeconfig(dir, { server: server.url });
});
afterAll(async () => server.close());

describe('kubetune audit (no path) and kubetune snapshot against the replay server', () => {
  it('audits the context, names forbidden kinds on stderr, and uses the server version', async () => {
    const t = io();
    const code = await main(
      ['audit', '--kubeconfig', kubeconfig, '--context', 'replay', '-o', 'json', '--fail-on', 'none'],
      t.io,
    );
    const report = JSON.parse(t.out.join(''));
    expect(code).toBe(0);
    expect(report.kubeVersion).toBe('1.35');
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.some((f: Finding) => f.object.name === 'leaky')).toBe(true);
    expect(report.diagnostics.filter((d: { code: string }) => d.code === 'forbidden')).toHaveLength(1);
    const stderr = t.err.join('');
    expect(stderr).toMatch(/networkpolicies.networking.k8s.io: forbidden, skipped/);
    expect(stderr).toMatch(
      /read \d+ objects from replay \(v1.35.0\) in [\d.]+ s; forbidden, not audited: NetworkPolicy/,
    );
  });

  for (const ext of ['yaml', 'json']) {
    it(`writes a redacted ${ext} snapshot that audits to the same findings`, async () => {
      const file = join(dir, `snap.${ext}`);
      const snap = io();
      expect(await main(['snapshot', '--kubeconfig', kubeconfig, '--output-file', file], snap.io)).toBe(0);
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain('hunter2');
      expect(text).toContain('<redacted by kubetune>');
      expect(snap.err.join('')).toMatch(/wrote \d+ objects to .*snap\.\w+ \(\d+ values redacted\)/);

      const live = io();
      await main(['audit', '--kubeconfig', kubeconfig, '-o', 'json', '--fail-on', 'none'], live.io);
      const offline = io();
      await main(['audit', file, '--kube-version', '1.35', '-o', 'json', '--fail-on', 'none'], offline.io);
      const a = JSON.parse(live.out.join('')).findings as Finding[];
      const b = JSON.parse(offline.out.join('')).findings as Finding[];
      expect(a.length).toBeGreaterThan(0);
      expect(comparable(b)).toEqual(comparable(a));
    });
  }

  it('writes a snapshot to stdout with -o -, header and trailing notes included', async () => {
    const t = io();
    expect(await main(['snapshot', '--kubeconfig', kubeconfig, '--output-file', '-', '--no-kubelet'], t.io)).toBe(0);
    const text = t.out.join('');
    expect(text).toMatch(/^# kubetune snapshot of context "replay" \(http:\/\/127\.0\.0\.1:\d+\)\n/);
    expect(text).toMatch(
      /# Kubernetes v1\.35\.0; audit offline with: kubetune audit <this file> --kube-version 1\.35\n/,
    );
    expect(text).toMatch(/# forbidden: networkpolicies\.networking\.k8s\.io: forbidden, skipped/);
    expect(text).not.toContain('KubeletConfiguration');
    expect(text.split('\n---\n').length).toBeGreaterThan(40);
  });

  it('exits 2 on an unknown context and 3 when the API server does not answer', async () => {
    const bad = io();
    expect(await main(['audit', '--kubeconfig', kubeconfig, '--context', 'nope'], bad.io)).toBe(2);
    expect(bad.err.join('')).toMatch(/context "nope" not found/);
    const down = io();
    const cfg = writeKubeconfig(dir, { server: 'http://127.0.0.1:9' }, 'down');
    expect(await main(['audit', '--kubeconfig', cfg], down.io)).toBe(3);
    expect(down.err.join('')).toMatch(/API server of context "replay" \(http:\/\/127.0.0.1:9\) did not answer/);
  });

  it('rejects -n with -A', async () => {
    const t = io();
    expect(
      await main(['snapshot', '--kubeconfig', kubeconfig, '-n', 'a', '-A', '--output-file', join(dir, 'x.yaml')], t.io),
    ).toBe(2);
  });
});
