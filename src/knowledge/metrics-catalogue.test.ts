import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKubeVersion } from '../core/version.js';
import {
  CATALOGUE_VERSIONS,
  captureVersionFor,
  isJudgedMetric,
  lookupMetric,
  metricTypeOf,
} from './metrics-catalogue.js';
import { METRIC_CAPTURES } from './metrics-catalogue-data.js';

const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'metrics');

describe('metrics catalogue', () => {
  it('holds the captures of 1.33 and 1.35 for six components', () => {
    expect(CATALOGUE_VERSIONS).toEqual(['1.33', '1.35']);
    expect(METRIC_CAPTURES).toHaveLength(12);
  });

  it('agrees with the TYPE lines of the real capture files', () => {
    for (const c of METRIC_CAPTURES) {
      let text: string;
      try {
        text = readFileSync(join(DATA, c.file), 'utf8');
      } catch {
        continue; // shared data not present (release tarball): the generated file is the source
      }
      const types = [...text.matchAll(/^# TYPE (\S+) (\w+)/gm)].map((m) => [m[1], m[2]]);
      expect(types.length).toBe(c.families.split(' ').length);
      for (const [name, type] of types.slice(0, 50)) expect(lookupMetric(name!, c.kubernetes)?.type).toBe(type);
    }
  });

  it('resolves histogram series to their family and knows counters from gauges', () => {
    expect(lookupMetric('apiserver_request_duration_seconds_bucket', '1.35')).toMatchObject({
      type: 'histogram',
      components: ['kube-apiserver'],
    });
    expect(metricTypeOf('apiserver_request_duration_seconds_count')).toBe('counter');
    expect(metricTypeOf('workqueue_depth')).toBe('gauge');
    expect(metricTypeOf('apiserver_request_total')).toBe('counter');
    expect(lookupMetric('apiserver_request_latencies_bucket', '1.33')).toBeUndefined();
  });

  it('judges only names owned by captured components', () => {
    expect(isJudgedMetric('apiserver_request_latencies_bucket', '1.33')).toBe(true);
    expect(isJudgedMetric('node_cpu_seconds_total', '1.33')).toBe(false);
    expect(isJudgedMetric('kube_poddisruptionbudget_status_current_healthy', '1.33')).toBe(false); // not in the KSM capture
    expect(isJudgedMetric('kube_pod_container_resource_requests', '1.33')).toBe(true);
    expect(isJudgedMetric('kube_state_metrics_list_total', '1.33')).toBe(false);
    expect(isJudgedMetric('namespace:container_cpu:sum', '1.33')).toBe(false);
  });

  it('picks the newest capture not after the target version', () => {
    expect(captureVersionFor(parseKubeVersion('1.34')!)).toBe('1.33');
    expect(captureVersionFor(parseKubeVersion('1.36')!)).toBe('1.35');
    expect(captureVersionFor(parseKubeVersion('1.30')!)).toBe('1.33');
  });
});
