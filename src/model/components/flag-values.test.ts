import { describe, expect, it } from 'vitest';
import { parseFlagBool, parseFlagInt } from './flag-values.js';
import { apiServerFlags, etcdFlags } from './flag-views.js';
import { parseArgs } from './flags.js';
import type { FlagsConfig } from './types.js';

const config = (component: FlagsConfig['component'], args: string[]): FlagsConfig =>
  ({
    component,
    origin: 'static-pod',
    flags: parseArgs(args, (i) => ['spec', 'containers', 0, 'command', i]),
  }) as unknown as FlagsConfig;

describe('typed flag values', () => {
  it('parses integers strictly and booleans as Go strconv.ParseBool does', () => {
    expect(parseFlagInt('10000')).toBe(10000);
    expect(parseFlagInt('1e5')).toBeUndefined();
    expect(parseFlagInt('')).toBeUndefined();
    expect(['1', 't', 'TRUE', 'True', 'true'].map(parseFlagBool)).toEqual([true, true, true, true, true]);
    expect(['0', 'f', 'FALSE', 'False', 'false'].map(parseFlagBool)).toEqual([false, false, false, false, false]);
    expect(parseFlagBool('no')).toBeUndefined();
  });

  it('gives etcd flags as numbers with their source flag; the last occurrence wins', () => {
    const c = config('etcd', [
      'etcd',
      '--snapshot-count=100000',
      '--heartbeat-interval',
      '250',
      '--snapshot-count=5000',
    ]);
    const f = etcdFlags(c);
    expect(f.snapshotCount?.value).toBe(5000);
    expect(f.snapshotCount?.flag.path).toEqual(['spec', 'containers', 0, 'command', 4]);
    expect(f.heartbeatIntervalMs?.value).toBe(250);
    expect(f.electionTimeoutMs).toBeUndefined();
    expect(etcdFlags(c)).toBe(f); // parsed once per config
  });

  it('gives API server flags as booleans, integers and durations; unparseable values stay undefined', () => {
    const c = config('kube-apiserver', [
      '--enable-priority-and-fairness=False',
      '--etcd-compaction-interval=0s',
      '--max-requests-inflight=lots',
    ]);
    const f = apiServerFlags(c);
    expect(f.enablePriorityAndFairness?.value).toBe(false);
    expect(f.etcdCompactionIntervalMs?.value).toBe(0);
    expect(f.maxRequestsInflight).toMatchObject({ value: undefined });
    expect(f.watchCache).toBeUndefined();
  });
});
