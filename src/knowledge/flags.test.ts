import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKubeVersion, SUPPORTED_MINORS } from '../core/version.js';
import { extractComponents } from '../model/components/extract.js';
import { isFlagsConfig } from '../model/components/types.js';
import { readInputs } from '../testing/index.js';
import { COMPONENT_NAMES, FLAG_CATALOGUES, flagStatus } from './flags.js';

const v = (s: string) => parseKubeVersion(s)!;
const METRICS = new URL('../../../shared/data/metrics/', import.meta.url).pathname;

describe('flag catalogue (pinned against changelogs, PRs and the etcd upgrade guide)', () => {
  it('kube-scheduler --scheduler-name was removed in 1.22 (kubernetes/kubernetes#105202)', () => {
    expect(flagStatus('kube-scheduler', 'scheduler-name', v('1.25'))).toMatchObject({
      state: 'removed',
      change: { removedIn: '1.22' },
    });
  });
  it('kube-controller-manager --pod-eviction-timeout: deprecated 1.24, removed 1.27', () => {
    expect(flagStatus('kube-controller-manager', 'pod-eviction-timeout', v('1.26')).state).toBe('deprecated');
    expect(flagStatus('kube-controller-manager', 'pod-eviction-timeout', v('1.27')).state).toBe('removed');
  });
  it('klog flags are gone from every component in 1.26 (KEP-2845)', () => {
    for (const c of COMPONENT_NAMES.filter((x) => x !== 'etcd')) {
      expect(flagStatus(c, 'logtostderr', v('1.25')).state).toBe('deprecated');
      expect(flagStatus(c, 'logtostderr', v('1.26')).state).toBe('removed');
    }
  });
  it('etcd 3.6 (Kubernetes 1.34) renames experimental flags', () => {
    expect(flagStatus('etcd', 'watch-progress-notify-interval', v('1.33')).state).toBe('not-yet');
    expect(flagStatus('etcd', 'watch-progress-notify-interval', v('1.34')).state).toBe('valid');
    expect(flagStatus('etcd', 'experimental-watch-progress-notify-interval', v('1.33')).state).toBe('valid');
    expect(flagStatus('etcd', 'experimental-watch-progress-notify-interval', v('1.34')).state).toBe('deprecated');
  });
  it('names the owner of a flag given to the wrong component', () => {
    expect(flagStatus('kube-apiserver', 'fail-swap-on', v('1.33'))).toMatchObject({
      state: 'unknown',
      acceptedBy: ['kubelet'],
    });
  });
  it('gives every versioned change a source URL and a consistent order', () => {
    for (const cat of Object.values(FLAG_CATALOGUES))
      for (const c of cat.changes) {
        expect(c.source, `${cat.component} --${c.name}`).toMatch(/^https:\/\//);
        if (c.deprecatedIn && c.removedIn)
          expect(
            Number(c.removedIn.split('.')[1]) >= Number(c.deprecatedIn.split('.')[1]) || c.deprecatedIn === '1.7',
          ).toBe(true);
      }
  });
  it.each(['k8s-1.33', 'k8s-1.35'])(
    'knows every flag the control plane of the %s capture runs with',
    async (capture) => {
      const read = await readInputs([join(METRICS, capture, 'pods.yaml')]);
      const version = v(capture.slice(4));
      const flags = extractComponents(read.resources).components.filter(isFlagsConfig);
      expect(flags.length).toBeGreaterThanOrEqual(5);
      for (const c of flags)
        for (const f of c.flags)
          expect([c.component, f.name, flagStatus(c.component as never, f.name, version).state]).toEqual([
            c.component,
            f.name,
            'valid',
          ]);
    },
  );
  it('keeps kubeadm-generated control-plane flags valid in every supported release', () => {
    const kubeadm = [
      'advertise-address',
      'authorization-mode',
      'client-ca-file',
      'enable-admission-plugins',
      'etcd-servers',
      'secure-port',
      'service-cluster-ip-range',
    ];
    for (const minor of SUPPORTED_MINORS)
      for (const f of kubeadm) expect(flagStatus('kube-apiserver', f, v(`1.${minor}`)).state).toBe('valid');
  });
});
