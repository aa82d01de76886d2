import { describe, expect, it } from 'vitest';
import { kpiById } from '../knowledge/kpis.js';
import type { CausalLink } from '../knowledge/kpis-causes.js';
import type { Labels } from '../model/prom-api.js';
import { buildChains, hostOf, joined } from './root-cause.js';
import type { Bottleneck } from './types.js';

const b = (kpi: string, ...offenders: Labels[]): Bottleneck => ({
  kpi: kpiById(kpi)!,
  analyzerId: 'x',
  priority: 'P1',
  value: 1,
  threshold: 0.5,
  offenders: offenders.map((labels) => ({ labels, value: 1 })),
  query: 'q',
});
const ids = (chains: ReturnType<typeof buildChains>) => chains.map((c) => c.steps.map((s) => s.kpi.id).join(' > '));

describe('hostOf', () => {
  it('prefers the node label, strips the port of instance (IPv4, names, IPv6)', () => {
    expect(hostOf({ node: 'worker-1', instance: '10.0.0.9:10250' })).toBe('worker-1');
    expect(hostOf({ instance: '10.0.0.1:9100' })).toBe('10.0.0.1');
    expect(hostOf({ instance: 'cp-1.example:2379' })).toBe('cp-1.example');
    expect(hostOf({ instance: '[fd00::1]:9100' })).toBe('fd00::1');
    expect(hostOf({})).toBeUndefined();
  });
});

describe('joins', () => {
  it('same-host links node-exporter and etcd series of one machine only', () => {
    const disk = b('node-disk-await', { instance: '10.0.0.1:9100', device: 'sda' });
    expect(joined(disk, b('etcd-wal-fsync-p99', { instance: '10.0.0.1:2379' }), 'same-host')).toBe(true);
    expect(joined(disk, b('etcd-wal-fsync-p99', { instance: '10.0.0.2:2379' }), 'same-host')).toBe(false);
  });
  it('same-pod and same-container compare namespace/pod(/container)', () => {
    const thr = b('container-cpu-throttling', { namespace: 'a', pod: 'p', container: 'c' });
    expect(joined(thr, b('service-latency-p99', { namespace: 'a', pod: 'p' }), 'same-pod')).toBe(true);
    expect(joined(thr, b('service-latency-p99', { namespace: 'b', pod: 'p' }), 'same-pod')).toBe(false);
    expect(
      joined(thr, b('container-cpu-vs-limit', { namespace: 'a', pod: 'p', container: 'other' }), 'same-container'),
    ).toBe(false);
  });
});

describe('buildChains', () => {
  it('chains root first, keeps maximal chains only, and does not join unrelated hosts', () => {
    const chains = buildChains([
      b('apiserver-latency-p99-resource', { verb: 'GET' }),
      b('etcd-wal-fsync-p99', { instance: '10.0.0.1:2379' }),
      b('node-disk-await', { instance: '10.0.0.1:9100' }),
      b('node-disk-utilisation', { instance: '10.0.0.7:9100' }), // another node: not a cause here
    ]);
    expect(ids(chains)).toEqual(['node-disk-await > etcd-wal-fsync-p99 > apiserver-latency-p99-resource']);
    expect(chains[0]?.because).toEqual(['etcd fsyncs its WAL on this disk', 'API writes wait for the WAL fsync']);
  });

  it('yields independent chains for independent causes, nothing for a lone bottleneck, and survives cycles', () => {
    const links: CausalLink[] = [
      { cause: 'node-cpu-utilisation', effect: 'node-load-per-cpu', join: 'any', why: 'a' },
      { cause: 'node-load-per-cpu', effect: 'node-cpu-utilisation', join: 'any', why: 'b' },
    ];
    expect(ids(buildChains([b('node-cpu-utilisation'), b('node-load-per-cpu')], links))).toEqual([]);
    const two = buildChains([
      b('container-cpu-vs-limit', { namespace: 'a', pod: 'p', container: 'c' }),
      b('container-cpu-throttling', { namespace: 'a', pod: 'p', container: 'c' }),
      b('node-memory-utilisation', { instance: '10.0.0.3:9100' }),
      b('node-major-page-faults', { instance: '10.0.0.3:9100' }),
      b('etcd-db-quota-usage', { instance: '10.0.0.1:2379' }),
    ]);
    expect(ids(two).sort()).toEqual([
      'container-cpu-vs-limit > container-cpu-throttling',
      'node-memory-utilisation > node-major-page-faults',
    ]);
  });
});
