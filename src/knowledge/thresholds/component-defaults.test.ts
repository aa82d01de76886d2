import { describe, expect, it } from 'vitest';
import { parseKubeVersion } from '../../core/version.js';
import { apiServerDefaultsFor, ETCD_DEFAULTS, etcdDefaultsFor } from './component-defaults.js';

const v = (s: string) => parseKubeVersion(s)!;

describe('component defaults per release', () => {
  it('picks the etcd release kubeadm ships with the Kubernetes minor', () => {
    expect(etcdDefaultsFor(v('1.25')).etcd).toBe('3.5');
    expect(etcdDefaultsFor(v('1.33')).snapshotCount).toBe(100000);
    expect(etcdDefaultsFor(v('1.34')).etcd).toBe('3.6');
    expect(etcdDefaultsFor(v('1.35')).snapshotCount).toBe(10000);
  });

  it('covers every supported minor with exactly one etcd entry', () => {
    for (let minor = 25; minor <= 35; minor++) {
      const hits = ETCD_DEFAULTS.filter((d) => etcdDefaultsFor(v(`1.${minor}`)) === d);
      expect(hits, `1.${minor}`).toHaveLength(1);
    }
  });

  it('has the API server inflight defaults', () => {
    expect(apiServerDefaultsFor(v('1.30'))).toMatchObject({
      maxRequestsInflight: 400,
      maxMutatingRequestsInflight: 200,
    });
  });
});
