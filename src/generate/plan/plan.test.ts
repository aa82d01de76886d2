import { describe, expect, it } from 'vitest';
import { parseKubeVersion } from '../../core/version.js';
import { buildPlan } from './plan.js';

describe('buildPlan', () => {
  const v = parseKubeVersion('1.33')!;
  it('picks the tier of the capacity matrix', () => {
    expect(
      [5, 10, 11, 100, 101, 999, 1000, 4000].map((n) => buildPlan({ nodes: n, kubeVersion: v }).tier.name),
    ).toEqual(['small', 'small', 'medium', 'medium', 'large', 'large', 'ultra', 'ultra']);
  });
  it('switches kube-proxy to nftables only where it is GA and the cluster is large', () => {
    expect(buildPlan({ nodes: 500, kubeVersion: v }).proxyMode).toBe('nftables');
    expect(buildPlan({ nodes: 500, kubeVersion: parseKubeVersion('1.30')! }).proxyMode).toBe('ipvs');
    expect(buildPlan({ nodes: 50, kubeVersion: v }).proxyMode).toBe('iptables');
  });
  it('sizes maxPods from the expected pods and warns when nodes are too few', () => {
    expect(buildPlan({ nodes: 10, pods: 500, kubeVersion: v }).maxPods).toBe(60);
    const crowded = buildPlan({ nodes: 10, pods: 5000, kubeVersion: v });
    expect(crowded.maxPods).toBe(110);
    expect(crowded.warnings.join('\n')).toMatch(/at least 50 nodes/);
  });
  it('writes kubeadm v1beta3 maps before 1.31 and v1beta4 lists after', () => {
    const cc = (minor: number) => buildPlan({ nodes: 50, kubeVersion: parseKubeVersion(`1.${minor}`)! }).files[0]!;
    const doc = (f: ReturnType<typeof cc>) => (f.kind === 'yaml' ? f.documents[0]! : {});
    expect(doc(cc(30))['apiVersion']).toBe('kubeadm.k8s.io/v1beta3');
    expect(Array.isArray((doc(cc(31))['apiServer'] as Record<string, unknown>)['extraArgs'])).toBe(true);
  });
});
