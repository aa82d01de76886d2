import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { ContainerRecommendation } from '../../analyzers/rightsize/types.js';
import { applyRecommendations } from './apply.js';
import { helmValues, kustomizeOverlay } from './overlays.js';
import { strategicMergePatches } from './patches.js';

const MiB = 2 ** 20;
const rec = (over: Partial<ContainerRecommendation>): ContainerRecommendation => ({
  workload: { namespace: 'shop', kind: 'Deployment', name: 'api' },
  container: 'app',
  role: 'app',
  strategy: 'guide',
  status: 'ok',
  current: { cpuRequest: 1000, cpuLimit: 2000, memoryRequest: 512 * MiB, memoryLimit: 1024 * MiB },
  recommended: { cpuRequest: 250, cpuLimit: 500, memoryRequest: 300 * MiB, memoryLimit: 450 * MiB },
  reasons: [],
  runtime: [],
  replicas: 2,
  drift: 0.75,
  ...over,
});

describe('strategicMergePatches', () => {
  it('one patch per workload, app containers and init/sidecar containers in their lists, CronJob path', () => {
    const patches = strategicMergePatches([
      rec({ runtime: [{ setting: 'GOMAXPROCS', where: 'GOMAXPROCS', from: '8', to: '1' }] }),
      rec({ container: 'mesh', role: 'sidecar' }),
      rec({
        workload: { namespace: 'shop', kind: 'CronJob', name: 'report' },
        recommended: { cpuRequest: 100, memoryRequest: 64 * MiB, memoryLimit: 64 * MiB },
      }),
      rec({ container: 'skipped', status: 'not-enough-data' }),
    ]);
    expect(patches.map((p) => p.id)).toEqual(['shop.cronjob.report', 'shop.deployment.api']);
    expect(patches[1]!.patch).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: 'shop' },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'app',
                resources: { requests: { cpu: '250m', memory: '300Mi' }, limits: { cpu: '500m', memory: '450Mi' } },
                env: [{ name: 'GOMAXPROCS', value: '1' }],
              },
            ],
            initContainers: [
              {
                name: 'mesh',
                resources: { requests: { cpu: '250m', memory: '300Mi' }, limits: { cpu: '500m', memory: '450Mi' } },
              },
            ],
          },
        },
      },
    });
    // No CPU limit recommended while one is set today: the patch deletes it (strategic merge `null`).
    const cron = patches[0]!.patch as {
      spec: { jobTemplate: { spec: { template: { spec: { containers: { resources: unknown }[] } } } } };
    };
    expect(cron.spec.jobTemplate.spec.template.spec.containers[0]!.resources).toEqual({
      requests: { cpu: '100m', memory: '64Mi' },
      limits: { cpu: null, memory: '64Mi' },
    });
  });

  it('kustomize overlay: a kustomization targeting each patch file; Helm values per workload and container', () => {
    const files = kustomizeOverlay([rec({}), rec({ container: 'proxy' })], { base: '../../base' });
    expect(files.map((f) => f.path)).toEqual(['kustomization.yaml', 'patches/shop.deployment.api.yaml']);
    expect(files[0]!.documents[0]).toMatchObject({
      resources: ['../../base'],
      patches: [
        { path: 'patches/shop.deployment.api.yaml', target: { kind: 'Deployment', name: 'api', namespace: 'shop' } },
      ],
    });
    const [values] = helmValues([
      rec({}),
      rec({ container: 'proxy' }),
      rec({ workload: { namespace: 'shop', kind: 'Deployment', name: 'web' } }),
    ]);
    expect(values!.documents[0]).toEqual({
      api: { containers: { app: { resources: expect.any(Object) }, proxy: { resources: expect.any(Object) } } },
      web: { resources: { requests: { cpu: '250m', memory: '300Mi' }, limits: { cpu: '500m', memory: '450Mi' } } },
    });
  });
});

const MANIFEST = `# Team API, owned by payments
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api   # the public one
  namespace: shop
spec:
  template:
    spec:
      containers:
      - name: app
        image: api:1.2
        env:
        - name: GOMAXPROCS
          value: "8"   # set by hand
        resources:
          requests:
            cpu: "1"
            memory: 512Mi
          limits:
            cpu: "2"      # burst for startup
            memory: 1Gi
---
# untouched
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {ports: [{port: 80}]}
`;

describe('applyRecommendations', () => {
  it('edits resources and runtime settings in place, keeps comments and untouched documents byte for byte', () => {
    const r = rec({
      recommended: { cpuRequest: 250, memoryRequest: 300 * MiB, memoryLimit: 450 * MiB },
      runtime: [{ setting: 'GOMAXPROCS', where: 'GOMAXPROCS', from: '8', to: '1' }],
    });
    const out = applyRecommendations(MANIFEST, [r]);
    expect(out.changes).toEqual([{ workload: 'Deployment/shop/api', container: 'app', line: 11 }]);
    const [deploy] = parseAllDocuments(out.text).map((d) => d.toJS());
    expect(deploy.spec.template.spec.containers[0].resources).toEqual({
      requests: { cpu: '250m', memory: '300Mi' },
      limits: { memory: '450Mi' },
    });
    expect(deploy.spec.template.spec.containers[0].env).toEqual([{ name: 'GOMAXPROCS', value: '1' }]);
    for (const comment of ['# Team API, owned by payments', '# the public one', '# set by hand', '# untouched'])
      expect(out.text).toContain(comment);
    expect(
      out.text.endsWith(
        '# untouched\napiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {ports: [{port: 80}]}\n',
      ),
    ).toBe(true);
    expect(out.text).toContain('\n      - name: app\n');
    expect(applyRecommendations(out.text, [r]).text).toBe(out.text);
  });

  it('leaves files without a matching workload unchanged', () => {
    const out = applyRecommendations(MANIFEST, [
      rec({ workload: { namespace: 'other', kind: 'Deployment', name: 'api' } }),
    ]);
    expect(out).toEqual({ text: MANIFEST, changes: [] });
  });
});
