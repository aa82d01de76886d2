/**
 * A small cluster's history in a real Prometheus, as cAdvisor and kube-state-metrics export it: owner chains
 * (ReplicaSet → Deployment, Job → CronJob), an init container, a throttled container, an OOM-killed one, short-lived
 * CronJob pods. Without manifests, kube-state-metrics is the current spec; with a manifest, its HPA is honoured.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { writeKubeconfig } from '../support/replay-cluster.js';
import { startReplayServer } from '../support/replay-server.js';
import { startBackfilledPrometheus, type BackfilledPrometheus } from '../support/prometheus.js';
import { END, families, MiB } from './rightsize-cluster-data.js';

interface Rec {
  workload: { kind: string; name: string };
  container: string;
  role: string;
  status: string;
  current: Record<string, number>;
  recommended?: Record<string, number>;
  reasons: { code: string }[];
  evidence?: { coverage: { pods: number } };
}

const API_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: app
        resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 250m, memory: 512Mi}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
`;

let prom: BackfilledPrometheus;
const work = mkdtempSync(join(tmpdir(), 'kubetune-rightsize-cluster-'));

interface Diag {
  code: string;
  message: string;
}

async function rightsize(extra: string[], allowStderr = false): Promise<Rec[]> {
  return (await rightsizeReport(extra, allowStderr)).recs;
}

async function rightsizeReport(extra: string[], allowStderr = false): Promise<{ recs: Rec[]; diagnostics: Diag[] }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['rightsize', ...extra, '--prometheus', prom.url, '--history', '2d', '--end', String(END), '-o', 'json'],
    {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: new PassThrough(),
      env: {},
      cwd: work,
      now: () => new Date(END * 1000),
    },
  );
  if (!allowStderr) expect(stderr).toBe('');
  expect(code).toBe(0);
  const report = JSON.parse(stdout) as {
    sections: { rightsize: { recommendations: Rec[] } };
    diagnostics: Diag[];
  };
  return { recs: report.sections.rightsize.recommendations, diagnostics: report.diagnostics };
}
const find = (recs: Rec[], name: string, container: string) =>
  recs.find((r) => r.workload.name === name && r.container === container)!;
const codes = (r: Rec) => r.reasons.map((x) => x.code);

beforeAll(async () => {
  prom = await startBackfilledPrometheus(families());
});
afterAll(async () => {
  await prom?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('rightsize from cAdvisor and kube-state-metrics', () => {
  it('groups pods into their workloads through the owner chains, with init containers', async () => {
    const recs = await rightsize([]);
    expect(recs.map((r) => `${r.workload.kind}/${r.workload.name}/${r.container}:${r.role}`).sort()).toEqual([
      'CronJob/report/job:app',
      'Deployment/api/app:app',
      'Deployment/api/migrate:init',
      'StatefulSet/worker/db:app',
    ]);
    expect(recs.every((r) => r.status === 'ok')).toBe(true);
    expect(find(recs, 'api', 'app').evidence!.coverage.pods).toBe(2);
    expect(find(recs, 'report', 'job').evidence!.coverage.pods).toBe(2);
    expect(codes(find(recs, 'report', 'job'))).toContain('short-lived');
    expect(find(recs, 'api', 'migrate').recommended!.cpuRequest).toBe(500);
  });

  it("reads CPU from kube-prometheus' recorded rate where it covers the window: same recommendations as the raw counters", async () => {
    const recorded = await rightsizeReport([]);
    const raw = await rightsizeReport(['--no-recording-rules']);
    expect(recorded.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'source-info',
        message: expect.stringContaining('1 namespace(s) from the recorded rate node_namespace_pod_container:'),
      }),
    );
    expect(raw.diagnostics.filter((d) => d.code === 'source-info')).toEqual([]);
    expect(recorded.recs.length).toBe(4);
    expect(recorded.recs).toEqual(raw.recs);
  });

  it('takes the current spec and HPA from kube-state-metrics, raises a throttled CPU limit, floors an OOM-killed memory', async () => {
    const recs = await rightsize([]);
    const api = find(recs, 'api', 'app');
    expect(api.current).toMatchObject({ cpuRequest: 200, cpuLimit: 250, memoryLimit: 512 * MiB });
    expect(codes(api)).toContain('throttled');
    expect(api.recommended!.cpuLimit).toBeGreaterThanOrEqual(500);
    // kube-state-metrics' HPA (50% CPU) keeps the request at median / target.
    expect(codes(api)).toContain('hpa-cpu');
    expect(api.recommended!.cpuRequest).toBe(400);
    const db = find(recs, 'worker', 'db');
    expect(codes(db)).toContain('oom-floor');
    expect(db.recommended!.memoryLimit).toBe(356 * MiB);
  });

  it('with a manifest, keeps the CPU request consistent with its HPA target', async () => {
    const file = join(work, 'api.yaml');
    writeFileSync(file, API_MANIFEST);
    const recs = await rightsize([file]);
    expect(recs).toHaveLength(1);
    const api = recs[0]!;
    expect(codes(api)).toContain('hpa-cpu');
    expect(api.recommended!.cpuRequest).toBe(400);
  });

  it('--live reads the workloads and their HPA from the cluster (API server stand-in)', async () => {
    const { parseAllDocuments } = await import('yaml');
    const objects = parseAllDocuments(API_MANIFEST).map((d) => d.toJS());
    const server = await startReplayServer({ objects });
    try {
      const kubeconfig = writeKubeconfig(work, { server: server.url });
      const recs = await rightsize(['--live', '--kubeconfig', kubeconfig], true);
      expect(recs.map((r) => `${r.workload.kind}/${r.workload.name}/${r.container}`)).toEqual(['Deployment/api/app']);
      expect(codes(recs[0]!)).toContain('hpa-cpu');
      expect(recs[0]!.current).toMatchObject({ cpuRequest: 100, memoryRequest: 128 * MiB });
    } finally {
      await server.close();
    }
  });
});
