import { describe, expect, it } from 'vitest';
import { aggregateEvidence, containerKey, indexOwners, resolveWorkload } from './aggregate.js';
import type { PodRecord } from './collect.js';

const owners = indexOwners([
  {
    __name__: 'kube_pod_owner',
    namespace: 'shop',
    pod: 'api-7d9f8c6b5-abcde',
    owner_kind: 'ReplicaSet',
    owner_name: 'api-7d9f8c6b5',
  },
  {
    __name__: 'kube_replicaset_owner',
    namespace: 'shop',
    replicaset: 'api-7d9f8c6b5',
    owner_kind: 'Deployment',
    owner_name: 'api',
  },
  {
    __name__: 'kube_pod_owner',
    namespace: 'shop',
    pod: 'report-29100000-xk2lp',
    owner_kind: 'Job',
    owner_name: 'report-29100000',
  },
  {
    __name__: 'kube_job_owner',
    namespace: 'shop',
    job_name: 'report-29100000',
    owner_kind: 'CronJob',
    owner_name: 'report',
  },
  { __name__: 'kube_pod_owner', namespace: 'shop', pod: 'db-0', owner_kind: 'StatefulSet', owner_name: 'db' },
  { __name__: 'kube_pod_owner', namespace: 'shop', pod: 'lonely', owner_kind: '<none>', owner_name: '<none>' },
]);
const none = indexOwners([]);

describe('resolveWorkload', () => {
  it('follows owner chains: Pod → ReplicaSet → Deployment, Pod → Job → CronJob', () => {
    expect(resolveWorkload('shop', 'api-7d9f8c6b5-abcde', owners, [])).toEqual({
      namespace: 'shop',
      kind: 'Deployment',
      name: 'api',
    });
    expect(resolveWorkload('shop', 'report-29100000-xk2lp', owners, [])).toEqual({
      namespace: 'shop',
      kind: 'CronJob',
      name: 'report',
    });
    expect(resolveWorkload('shop', 'db-0', owners, [])).toEqual({ namespace: 'shop', kind: 'StatefulSet', name: 'db' });
  });

  it('without kube-state-metrics, matches known workloads by the names their controllers give pods (longest wins)', () => {
    const known = [
      { namespace: 'shop', kind: 'Deployment', name: 'api' },
      { namespace: 'shop', kind: 'Deployment', name: 'api-gateway' },
      { namespace: 'shop', kind: 'CronJob', name: 'report' },
      { namespace: 'shop', kind: 'DaemonSet', name: 'agent' },
    ];
    expect(resolveWorkload('shop', 'api-gateway-5f6585d649-fnmft', none, known).name).toBe('api-gateway');
    expect(resolveWorkload('shop', 'api-5f6585d649-fnmft', none, known).name).toBe('api');
    expect(resolveWorkload('shop', 'report-29100000-xk2lp', none, known)).toEqual(known[2]);
    expect(resolveWorkload('shop', 'agent-x8k2p', none, known)).toEqual(known[3]);
    expect(resolveWorkload('other', 'api-5f6585d649-fnmft', none, known)).toEqual({
      namespace: 'other',
      kind: 'Deployment',
      name: 'api',
    });
    expect(resolveWorkload('shop', 'lonely', owners, known)).toEqual({
      namespace: 'shop',
      kind: 'Pod',
      name: 'lonely',
    });
  });
});

describe('aggregateEvidence', () => {
  const pod = (name: string, stats: PodRecord['stats']): PodRecord => ({
    key: { namespace: 'shop', pod: name, container: 'app' },
    stats,
  });
  it('aggregates replicas: worst pod wins, points add up, hours are per replica', () => {
    const ev = aggregateEvidence(
      [
        pod('api-7d9f8c6b5-aaaaa', { cpuP95: 100, cpuMax: 400, memMax: 10, memPoints: 1440, throttledShare: 0.1 }),
        pod('api-7d9f8c6b5-bbbbb', {
          cpuP95: 300,
          cpuMax: 350,
          memMax: 30,
          memPoints: 1440,
          oomKills: 1,
          oomLimit: 64,
          restarts: 2,
        }),
        pod('api-7d9f8c6b5-ccccc', { cpuP95: 200, cpuMax: 300, memMax: 20, memPoints: 720 }),
      ],
      none,
      [{ namespace: 'shop', kind: 'Deployment', name: 'api' }],
      { resolutionSeconds: 60, windowSeconds: 86_400 * 14, replicas: new Map([['shop/Deployment/api', 3]]) },
    );
    const e = ev.get(containerKey({ namespace: 'shop', kind: 'Deployment', name: 'api' }, 'app'))!;
    expect(e.cpu).toEqual({ p95: 300, max: 400 });
    expect(e.memory).toEqual({ max: 30 });
    expect(e.coverage).toEqual({ points: 3600, hours: 24, pods: 3 });
    expect(e).toMatchObject({ throttledShare: 0.1, oomKills: 1, oomLimit: 64, restarts: 2 });
  });
});
