import { describe, expect, it } from 'vitest';
import { loadApiServerMetrics } from '../../../test/support/replay-cluster.js';
import { histogramQuantile, parseApiServerMetrics } from './apiserver-metrics.js';
import { poolOf, sampleNodes } from './kubelet.js';
import { getWithRetry, DEFAULT_RETRY } from './request.js';
import type { KubeApi, KubeResponse } from './transport.js';

describe('histogramQuantile', () => {
  it('interpolates inside the bucket holding the rank, as Prometheus does', () => {
    const buckets = [
      { le: '0.1', count: 50 },
      { le: '0.2', count: 90 },
      { le: '0.4', count: 100 },
      { le: '+Inf', count: 100 },
    ];
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1);
    expect(histogramQuantile(0.7, buckets)).toBeCloseTo(0.15);
    expect(histogramQuantile(0.99, buckets)).toBeCloseTo(0.38);
    expect(histogramQuantile(0.99, [{ le: '+Inf', count: 0 }])).toBeUndefined();
  });

  it('reads the real 1.35 API server scrape: deprecated Endpoints use and a p99 within the buckets', () => {
    const m = parseApiServerMetrics(loadApiServerMetrics(), 'https://x');
    const p99 = (m['requestDuration'] as { p99Seconds: number }).p99Seconds;
    expect(p99).toBeGreaterThan(0);
    expect(p99).toBeLessThanOrEqual(60);
    expect(m['deprecatedAPIs']).toEqual([
      { group: '', version: 'v1', resource: 'endpoints', subresource: '', removedRelease: '' },
    ]);
  });
});

describe('kubelet sampling', () => {
  it('names pools by provider label, then control-plane, then instance type', () => {
    expect(poolOf({ 'eks.amazonaws.com/nodegroup': 'ng-1', 'node.kubernetes.io/instance-type': 'm5.large' })).toBe(
      'eks.amazonaws.com/nodegroup=ng-1',
    );
    expect(poolOf({ 'node-role.kubernetes.io/control-plane': '' })).toBe('control-plane');
    expect(poolOf({ 'node.kubernetes.io/instance-type': 'm5.large' })).toBe(
      'node.kubernetes.io/instance-type=m5.large',
    );
    expect(poolOf({})).toBe('default');
  });

  it('reads every node of a small cluster and perPool nodes of each pool of a large one', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => ({
      name: `n${String(i).padStart(2, '0')}`,
      labels: { 'karpenter.sh/nodepool': i < 25 ? 'big' : 'gpu' },
    }));
    expect(sampleNodes(nodes.slice(0, 10), { allUpTo: 20, perPool: 2 })).toHaveLength(10);
    const chosen = sampleNodes(nodes, { allUpTo: 20, perPool: 2 });
    expect(chosen.map((c) => [c.node.name, c.poolSize])).toEqual([
      ['n00', 25],
      ['n01', 25],
      ['n25', 5],
      ['n26', 5],
    ]);
  });
});

describe('getWithRetry', () => {
  const answers = (statuses: number[], headers: Record<string, string> = {}) => {
    const calls: string[] = [];
    const api: KubeApi = {
      server: 'https://api',
      close: () => {},
      get: async (path) => {
        calls.push(path);
        const status = statuses.shift() ?? 200;
        return {
          status,
          headers,
          body: Buffer.from(JSON.stringify({ kind: 'Status', message: `status ${status}` })),
        } satisfies KubeResponse;
      },
    };
    return { api, calls };
  };

  it('honours a real Retry-After wait of one second', async () => {
    const { api, calls } = answers([429], { 'retry-after': '1' });
    const t = performance.now();
    const res = await getWithRetry(api, '/api/v1/pods');
    expect(res.status).toBe(200);
    expect(calls).toHaveLength(2);
    expect(performance.now() - t).toBeGreaterThanOrEqual(990);
  });

  it('backs off on 5xx, returns 4xx at once, and names the last error when it gives up', async () => {
    const waits: number[] = [];
    const policy = { ...DEFAULT_RETRY, attempts: 3, sleep: async (ms: number) => void waits.push(ms) };
    expect((await getWithRetry(answers([503, 500]).api, '/x', {}, policy)).status).toBe(200);
    expect(waits).toEqual([250, 500]);
    expect((await getWithRetry(answers([403]).api, '/x', {}, policy)).status).toBe(403);
    await expect(getWithRetry(answers([503, 503, 503]).api, '/x', {}, policy)).rejects.toMatchObject({
      status: 503,
      message: 'https://api/x: HTTP 503: status 503',
    });
  });
});
