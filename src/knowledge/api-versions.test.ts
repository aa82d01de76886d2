import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseKubeVersion } from '../core/version.js';
import { apiStatus } from './api-versions.js';
import { API_VERSION_FACTS, DEPRECATION_GUIDE, PLUTO_SOURCE } from './api-versions-data.js';
import { FIELD_FACTS, fieldState } from './api-versions-fields.js';

const v = (s: string) => parseKubeVersion(s)!;
const PLUTO = new URL('../../../shared/data/apis/pluto-versions.yaml', import.meta.url);
const minor = (s: string | undefined) => (s ? /^v?(\d+\.\d+)/.exec(s)?.[1] : undefined);

describe('apiStatus', () => {
  it('knows removals of the 1.25 release (deprecation guide)', () => {
    expect(apiStatus('batch/v1beta1', 'CronJob', v('1.25'))).toMatchObject({
      status: 'removed',
      removedIn: '1.25',
      replacement: 'batch/v1',
    });
    expect(apiStatus('batch/v1beta1', 'CronJob', v('1.24'))).toMatchObject({ status: 'deprecated' });
    expect(apiStatus('policy/v1beta1', 'PodDisruptionBudget', v('1.30'))?.status).toBe('removed');
  });
  it('corrects pluto for flowcontrol versions with the deprecation guide', () => {
    const s = apiStatus('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', v('1.31'));
    expect(s).toMatchObject({
      status: 'deprecated',
      deprecatedIn: '1.29',
      removedIn: '1.32',
      source: DEPRECATION_GUIDE,
    });
    expect(apiStatus('flowcontrol.apiserver.k8s.io/v1beta1', 'PriorityLevelConfiguration', v('1.26'))?.status).toBe(
      'removed',
    );
  });
  it('maps List kinds to their item kind and knows nothing against stable APIs', () => {
    expect(apiStatus('autoscaling/v2beta2', 'HorizontalPodAutoscalerList', v('1.26'))?.status).toBe('removed');
    expect(apiStatus('apps/v1', 'Deployment', v('1.35'))).toBeUndefined();
    expect(apiStatus('storage.k8s.io/v1beta1', 'CSIStorageCapacity', v('1.26'))?.status).toBe('deprecated');
  });
});

describe('API_VERSION_FACTS against pluto versions.yaml', () => {
  const raw = yaml.load(readFileSync(PLUTO, 'utf8')) as { 'deprecated-versions': Record<string, string>[] };
  const k8s = raw['deprecated-versions'].filter((e) => e['component'] === 'k8s' && e['kind'] !== 'FlowControl');
  it('keeps every Kubernetes entry of pluto', () => {
    for (const e of k8s)
      expect(API_VERSION_FACTS.some((f) => f.apiVersion === e['version'] && f.kind === e['kind'])).toBe(true);
  });
  it('agrees with pluto wherever it does not cite the deprecation guide', () => {
    for (const f of API_VERSION_FACTS.filter((x) => x.source === PLUTO_SOURCE)) {
      const e = k8s.find((x) => x['version'] === f.apiVersion && x['kind'] === f.kind)!;
      expect([f.apiVersion, f.kind, f.removedIn]).toEqual([e['version'], e['kind'], minor(e['removed-in'])]);
      expect(f.deprecatedIn).toBe(minor(e['deprecated-in']));
    }
  });
});

describe('FIELD_FACTS', () => {
  it('drops Service spec.topologyKeys since 1.22', () => {
    const f = FIELD_FACTS.find((x) => x.kind === 'Service' && x.path === 'spec.topologyKeys')!;
    expect(fieldState(f, v('1.21'))).toBe('deprecated');
    expect(fieldState(f, v('1.25'))).toBe('removed');
  });
  it('knows the in-tree ceph plugins are gone in 1.31', () => {
    const f = FIELD_FACTS.find((x) => x.path === 'volumes[].rbd')!;
    expect([fieldState(f, v('1.30')), fieldState(f, v('1.31'))]).toEqual(['deprecated', 'removed']);
  });
});
