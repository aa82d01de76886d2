import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { parseKubeVersion } from '../core/version.js';
import { runRules } from '../engine/run.js';
import { extractComponents } from '../model/components/extract.js';
import { refOf, type KubeObject } from '../model/object.js';
import { Snapshot } from '../model/snapshot.js';
import { RULES } from './index.js';

/** Rules are total: on arbitrary (malformed) objects of any kind they report or stay silent, never crash. */
const junk = fc.anything({ maxDepth: 3, withNullPrototype: false });
const container = fc.record(
  {
    name: fc.oneof(fc.string(), junk),
    image: fc.oneof(fc.constantFrom('nginx', 'a/b:latest', 'k8s.gcr.io/x:1', '@sha256:', ':'), junk),
    resources: fc.oneof(
      fc.record({
        requests: fc.dictionary(
          fc.constantFrom('cpu', 'memory'),
          fc.oneof(fc.constantFrom('1', '100m', '1Gi', 'x', ''), junk),
        ),
      }),
      junk,
    ),
    env: fc.oneof(fc.array(fc.record({ name: fc.string(), value: fc.oneof(fc.string(), junk) })), junk),
    args: fc.oneof(fc.array(fc.string()), junk),
    livenessProbe: junk,
    readinessProbe: junk,
  },
  { requiredKeys: [] },
);
const kinds = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Service',
  'HorizontalPodAutoscaler',
  'LimitRange',
  'ResourceQuota',
  'ConfigMap',
  'PrometheusRule',
  'KubeletConfiguration',
  'StorageClass',
  'PersistentVolumeClaim',
  'NetworkPolicy',
  'PodDisruptionBudget',
];
const object = fc.record({
  apiVersion: fc.constantFrom(
    'v1',
    'apps/v1',
    'batch/v1',
    'autoscaling/v2',
    'monitoring.coreos.com/v1',
    'kubelet.config.k8s.io/v1beta1',
    'storage.k8s.io/v1',
    'policy/v1',
  ),
  kind: fc.constantFrom(...kinds),
  metadata: fc.oneof(fc.record({ name: fc.string(), namespace: fc.constantFrom('a', 'kube-system') }), junk),
  spec: fc.oneof(
    fc.record(
      {
        containers: fc.array(container, { maxLength: 3 }),
        template: fc.record({ spec: fc.record({ containers: fc.array(container, { maxLength: 2 }) }) }),
      },
      { requiredKeys: [] },
    ),
    junk,
  ),
  data: junk,
});

test.prop([fc.array(object, { minLength: 1, maxLength: 6 })], { numRuns: 150 })(
  'every rule is total on arbitrary objects',
  (objects) => {
    const resources = objects.map((o) => ({
      object: o as unknown as KubeObject,
      ref: refOf(o as unknown as KubeObject),
    }));
    const snapshot = new Snapshot(resources, extractComponents(resources).components);
    const r = runRules(RULES, snapshot, { kubeVersion: parseKubeVersion('1.33')!, available: ['cluster', 'metrics'] });
    expect(r.diagnostics.filter((d) => d.code === 'rule-error').map((d) => d.message)).toEqual([]);
  },
);
