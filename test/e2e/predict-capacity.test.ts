/** `predict capacity` through the CLI on a real Prometheus backfilled with kube-state-metrics-shaped history. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import {
  sampleRange,
  startBackfilledPrometheus,
  type BackfilledPrometheus,
  type MetricFamily,
} from '../support/prometheus.js';

const DAYS = 7;

describe('predict capacity on a backfilled Prometheus', () => {
  let prom: BackfilledPrometheus;
  beforeAll(async () => {
    const end = Math.floor(Date.now() / 1000 / 3600) * 3600;
    const range = { startSeconds: end - DAYS * 86_400, endSeconds: end, stepSeconds: 300 };
    const daysIn = (t: number): number => (t - range.startSeconds) / 86_400;
    const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
    const families: MetricFamily[] = [
      // 40 pods × 0.25 cores growing by 2 pods a day: 10 cores + 0.5 cores/day.
      {
        name: 'kube_pod_container_resource_requests',
        type: 'gauge',
        series: [
          {
            labels: { resource: 'cpu', unit: 'core', namespace: 'shop', pod: 'all', container: 'app' },
            samples: sampleRange(range, (t) => 0.25 * (40 + 2 * daysIn(t))),
          },
        ],
      },
      {
        name: 'kube_pod_info',
        type: 'gauge',
        series: Array.from({ length: 40 }, (_, i) => ({
          labels: { namespace: 'shop', pod: `p${i}` },
          samples: sampleRange(range, () => 1),
        })),
      },
      // 5 nodes × 4 cores: N-1 allocatable is 16 cores.
      {
        name: 'kube_node_status_allocatable',
        type: 'gauge',
        series: nodes.map((node) => ({
          labels: { node, resource: 'cpu', unit: 'core' },
          samples: sampleRange(range, () => 4),
        })),
      },
    ];
    prom = await startBackfilledPrometheus(families);
  });
  afterAll(() => prom?.stop());

  it('projects the days until CPU requests reach the N-1 allocatable, and names what it could not compute', async () => {
    const run = await runCli([
      'predict',
      'capacity',
      '--prometheus',
      prom.url,
      '--window',
      `${DAYS}d`,
      '--time',
      String(prom.endSeconds),
      '-o',
      'json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      outlook: { resource: string; measure: string; now: number; days?: number; headroomNMinus1: number }[];
      missing: string[];
    };
    const cpu = result.outlook.find((o) => o.resource === 'cpu' && o.measure === 'requests')!;
    expect(cpu.headroomNMinus1).toBe(16);
    expect(cpu.now).toBeCloseTo(13.5, 0); // 0.25 × (40 + 14)
    expect(cpu.days!).toBeGreaterThan(4); // (16 − 13.5) / 0.5 per day = 5 days
    expect(cpu.days!).toBeLessThan(6);
    expect(result.missing.join('\n')).toMatch(/memory/);
    const md = await runCli([
      'predict',
      'capacity',
      '--prometheus',
      prom.url,
      '--window',
      `${DAYS}d`,
      '--time',
      String(prom.endSeconds),
    ]);
    expect(md.stdout).toMatch(/\| cpu \| requests \|/);
  });
});
