import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKustomize, newImage } from './kustomize.js';
import { readInputs } from './read.js';

let dir: string;
const write = (name: string, text: string) => {
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, name), text);
};
const deployment = (name: string, image: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n` +
  `  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers:\n      - name: app\n        image: ${image}\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubetune-kustomize-'));
  write(
    'app/kustomization.yaml',
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources: [deploy.yaml, role.yaml]\n' +
      'images:\n- name: nginx\n  newTag: "1.27"\n- name: busybox\n  newName: registry.example.com/busybox\n  digest: sha256:abc\n' +
      'patches:\n- path: patch.yaml\n',
  );
  write(
    'app/deploy.yaml',
    deployment('web', 'nginx:latest') + '      initContainers:\n      - name: init\n        image: busybox\n',
  );
  write(
    'app/role.yaml',
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\nrules: []\n',
  );
  write('app/patch.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n');
  // an overlay over a base: the base's images, the overlay's namespace
  write('base/kustomization.yaml', 'resources: [api.yaml]\nimages:\n- {name: api, newTag: v2}\n');
  write('base/api.yaml', deployment('api', 'api:latest'));
  write('overlay/kustomization.yaml', 'namespace: prod\nresources: [../base]\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = (r: Awaited<ReturnType<typeof readInputs>>) =>
  r.resources
    .map((x) => {
      const spec = (x.object as { spec?: { template?: { spec?: Record<string, { image: string }[]> } } }).spec?.template
        ?.spec;
      const images = [...(spec?.['initContainers'] ?? []), ...(spec?.['containers'] ?? [])].map((c) => c.image);
      return [x.ref.kind, x.ref.namespace, x.ref.name, ...images].join(' ');
    })
    .sort();

describe('directories with a kustomization', () => {
  it('without kustomize: says so, audits the raw files with namespace and images applied, not the kustomization', async () => {
    const r = await readInputs([dir], { kustomize: null });
    expect(summary(r)).toEqual([
      'ClusterRole  reader',
      'Deployment prod api api:v2',
      'Deployment shop web registry.example.com/busybox@sha256:abc nginx:1.27',
    ]);
    expect(r.stats.skipped).toEqual({ 'kustomize patch': 1 });
    const notes = r.diagnostics.map((d) => [d.severity, d.message.replace(dir, '<dir>')]);
    expect(notes).toEqual([
      [
        'warning',
        expect.stringMatching(
          /^<dir>\/app: kustomization not rendered .* kustomize build .*\/app \| kubetune audit -$/,
        ),
      ],
      ['warning', expect.stringMatching(/^<dir>\/base: kustomization not rendered/)],
      ['warning', expect.stringMatching(/^<dir>\/overlay: kustomization not rendered/)],
    ]);
  });

  it('with a renderer that fails: says why and audits the raw files', async () => {
    const failing = {
      command: 'kustomize build',
      render: () => Promise.reject(new Error('accumulating resources: 404')),
    };
    const r = await readInputs([join(dir, 'app')], { kustomize: failing });
    expect(summary(r)).toEqual([
      'ClusterRole  reader',
      'Deployment shop web registry.example.com/busybox@sha256:abc nginx:1.27',
    ]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/404; its raw files were audited instead$/),
    ]);
  });

  it('maps image references as kustomize does', () => {
    const images = [
      { name: 'nginx', newTag: '1.27' },
      { name: 'ghcr.io/x/y', newName: 'mirror/y' },
    ];
    expect(
      ['nginx', 'nginx:1.25', 'nginx@sha256:1', 'ghcr.io/x/y:3', 'nginx-extra:1', 'localhost:5000/nginx'].map((i) =>
        newImage(i, images),
      ),
    ).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27', 'mirror/y:3', 'nginx-extra:1', 'localhost:5000/nginx']);
  });
});

const renderer = await findKustomize();
describe.skipIf(!renderer)('rendering with kustomize from PATH (skipped: no kustomize or kubectl on PATH)', () => {
  it('reads the rendered output instead of the raw files', async () => {
    const r = await readInputs([join(dir, 'app'), join(dir, 'overlay')]);
    expect(r.diagnostics).toEqual([]);
    expect(summary(r)).toEqual([
      'ClusterRole  reader',
      'Deployment prod api api:v2',
      'Deployment shop web registry.example.com/busybox@sha256:abc nginx:1.27',
    ]);
    expect(r.resources.map((x) => x.source?.file).sort()[0]).toMatch(/^(kustomize build|kubectl kustomize) /);
    expect(
      (r.resources.find((x) => x.ref.name === 'web')!.object as unknown as { spec: { replicas: number } }).spec
        .replicas,
    ).toBe(3);
  });
});
