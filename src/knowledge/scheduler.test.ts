import { describe, expect, it } from 'vitest';
import { parseKubeVersion } from '../core/version.js';
import { CAPACITY_TIERS, tierFor } from './capacity.js';
import { proxyModeState } from './kube-proxy-config.js';
import { adaptivePercentageOfNodesToScore, pluginState, SCHEDULER_PLUGINS, schedulerApiState } from './scheduler.js';

const v = (s: string) => parseKubeVersion(s)!;
const V1 = 'kubescheduler.config.k8s.io/v1';

describe('scheduler knowledge (kubernetes.io/docs/reference/scheduling/config)', () => {
  it('pins config API removals: v1beta2 in 1.28, v1beta3 in 1.29', () => {
    expect(schedulerApiState('kubescheduler.config.k8s.io/v1beta2', v('1.27')).state).toBe('deprecated');
    expect(schedulerApiState('kubescheduler.config.k8s.io/v1beta2', v('1.28')).state).toBe('removed');
    expect(schedulerApiState('kubescheduler.config.k8s.io/v1beta3', v('1.29')).state).toBe('removed');
    expect(schedulerApiState(V1, v('1.25')).state).toBe('valid');
  });
  it('pins plugin removals: SelectorSpread not in v1, non-CSI volume limits gone in 1.32 (PR 124003)', () => {
    expect(pluginState('SelectorSpread', v('1.27'), 'kubescheduler.config.k8s.io/v1beta3').state).toBe('valid');
    expect(pluginState('SelectorSpread', v('1.27'), V1).state).toBe('removed');
    expect(pluginState('EBSLimits', v('1.31'), V1).state).toBe('deprecated');
    expect(pluginState('EBSLimits', v('1.32'), V1).state).toBe('removed');
    expect(pluginState('MyOutOfTreePlugin', v('1.32'), V1).state).toBe('unknown');
  });
  it('knows score-only plugins', () => {
    const scoreOnly = SCHEDULER_PLUGINS.filter(
      (p) => p.points.every((x) => x === 'score' || x === 'preScore') && !p.removedIn && !p.invalidIn,
    ).map((p) => p.name);
    expect(scoreOnly.sort()).toEqual(['ImageLocality', 'NodeResourcesBalancedAllocation']);
  });
  it('computes the adaptive percentageOfNodesToScore like the scheduler (50 - nodes/125, min 5)', () => {
    expect([100, 1000, 5000, 10000].map(adaptivePercentageOfNodesToScore)).toEqual([50, 42, 10, 5]);
  });
});

describe('kube-proxy modes (KEP-3866, KEP-5495)', () => {
  it('follows nftables alpha 1.29, beta 1.31, GA 1.33 and ipvs deprecation in 1.35', () => {
    expect(['1.28', '1.29', '1.31', '1.33'].map((x) => proxyModeState('nftables', v(x)).state)).toEqual([
      'not-yet',
      'alpha',
      'beta',
      'valid',
    ]);
    expect(proxyModeState('ipvs', v('1.34')).state).toBe('valid');
    expect(proxyModeState('ipvs', v('1.35')).state).toBe('deprecated');
    expect(proxyModeState('userspace', v('1.26')).state).toBe('removed');
  });
});

describe('capacity matrix (GUIDE.md section 8)', () => {
  it('covers every node count without gaps and keeps etcd at an odd size of at most 7', () => {
    for (let i = 1; i < CAPACITY_TIERS.length; i++)
      expect(CAPACITY_TIERS[i]!.nodes.min).toBe(CAPACITY_TIERS[i - 1]!.nodes.max + 1);
    for (const t of CAPACITY_TIERS) expect(t.etcdMembers % 2 === 1 && t.etcdMembers <= 7).toBe(true);
    expect(tierFor(3).name).toBe('small');
    expect(tierFor(1500).correction).toMatch(/at most 7 members/);
  });
});
