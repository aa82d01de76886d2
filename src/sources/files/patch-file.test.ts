import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { patchFileText, type FileFix } from './patch-file.js';

const ref = (kind: string, name: string, namespace?: string) => ({
  apiVersion: 'v1',
  kind,
  name,
  ...(namespace ? { namespace } : {}),
});

const MULTI = `# header comment
apiVersion: v1
kind: ConfigMap
metadata: {name: first, namespace: shop}
data:
  a: "1"   # keep me
---
# second document
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api   # owned by team-a
  namespace: shop
spec:
  template:
    spec:
      containers:
      - name: api
        image: k8s.gcr.io/api:1.0   # pinned
        resources:
          limits: {cpu: "2", memory: 2Gi}
`;

const FOLDED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: op
  namespace: sys
spec:
  template:
    spec:
      initContainers:
      - name: init
        image: busybox:1.36
        args:
        - --config=/etc/op/config.yaml --log-level=info --leader-elect=true --metrics-bind-address=:8080
          --health-probe-bind-address=:8081 --zap-encoder=json
        - plain
      containers:
      - name: op
        image: op:1.0
        resources:
          limits: {cpu: "2", memory: 2Gi}
`;

describe('patchFileText (YAML)', () => {
  it('finds an object audited in the namespace a kustomization set (its raw file names none), and no other', () => {
    const raw = FOLDED.replace('  namespace: sys\n', '');
    const memory = ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'memory'];
    const fix = (namespace: string): FileFix => ({
      ref: ref('Deployment', 'op', namespace),
      doc: 0,
      ops: [{ op: 'replace', path: memory, value: '1Gi' }],
    });
    expect(patchFileText('op.yaml', raw, [fix('prod')]).text).toContain('memory: 1Gi');
    expect(patchFileText('op.yaml', FOLDED, [fix('prod')]).deferred).toHaveLength(1); // the file names another
  });

  it('keeps a long plain scalar folded over lines in another container as it was (only the fix line changes)', () => {
    const fix: FileFix = {
      ref: ref('Deployment', 'op', 'sys'),
      doc: 0,
      ops: [
        {
          op: 'replace',
          path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'memory'],
          value: '1Gi',
        },
      ],
    };
    const r = patchFileText('op.yaml', FOLDED, [fix]);
    expect(r.applied).toEqual([fix]);
    const before = FOLDED.split('\n');
    const after = r.text.split('\n');
    expect(after.length).toBe(before.length);
    expect(after.flatMap((l, i) => (l === before[i] ? [] : [[i + 1, l]]))).toEqual([
      [20, '          limits: {cpu: "2", memory: 1Gi}'],
    ]);
    // a fix inside the folded block re-renders that block only
    const inBlock: FileFix = {
      ...fix,
      ops: [{ op: 'replace', path: ['spec', 'template', 'spec', 'initContainers', 0, 'args', 1], value: 'other' }],
    };
    const r2 = patchFileText('op.yaml', FOLDED, [inBlock]);
    expect(r2.text.split('\n').flatMap((l, i) => (l === before[i] ? [] : [i + 1]))).toEqual([15]);
  });

  it('replaces a scalar and keeps comments, key order and every other line', () => {
    const fix: FileFix = {
      ref: ref('Deployment', 'api', 'shop'),
      doc: 1,
      ops: [
        {
          op: 'replace',
          path: ['spec', 'template', 'spec', 'containers', 0, 'image'],
          value: 'registry.k8s.io/api:1.0',
        },
      ],
    };
    const r = patchFileText('x.yaml', MULTI, [fix]);
    expect(r.applied).toHaveLength(1);
    const changed = MULTI.split('\n')
      .map((l, i) => [l, r.text.split('\n')[i]])
      .filter(([a, b]) => a !== b);
    expect(changed).toEqual([
      ['        image: k8s.gcr.io/api:1.0   # pinned', '        image: registry.k8s.io/api:1.0 # pinned'],
    ]);
  });

  it('adds into flow maps and block maps, and removes keys, in the right document', () => {
    const fixes: FileFix[] = [
      {
        ref: ref('Deployment', 'api', 'shop'),
        ops: [
          {
            op: 'add',
            path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'ephemeral-storage'],
            value: '1Gi',
          },
        ],
      },
      {
        ref: ref('Deployment', 'api', 'shop'),
        ops: [{ op: 'add', path: ['spec', 'template', 'spec', 'dnsPolicy'], value: 'ClusterFirstWithHostNet' }],
      },
      { ref: ref('ConfigMap', 'first', 'shop'), ops: [{ op: 'remove', path: ['data', 'a'] }] },
    ];
    const r = patchFileText('x.yaml', MULTI, fixes);
    const [cm, dep] = parseAllDocuments(r.text).map(
      (d) =>
        d.toJS() as {
          data: unknown;
          spec: { template: { spec: { dnsPolicy: string; containers: { resources: { limits: unknown } }[] } } };
        },
    );
    expect(cm!.data).toEqual({});
    expect(dep!.spec.template.spec.containers[0]!.resources.limits).toEqual({
      cpu: '2',
      memory: '2Gi',
      'ephemeral-storage': '1Gi',
    });
    expect(dep!.spec.template.spec.dnsPolicy).toBe('ClusterFirstWithHostNet');
    expect(r.text).toContain('# header comment');
    expect(r.text).toContain('name: api   # owned by team-a');
    expect(r.text).toContain('limits: {cpu: "2", memory: 2Gi, ephemeral-storage: 1Gi}');
  });

  it('patches List items through their item path', () => {
    const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: {name: a}
    spec: {type: ClusterIP}
  - apiVersion: v1
    kind: Service
    metadata: {name: b}
    spec: {type: ClusterIP}
`;
    const r = patchFileText('l.yaml', list, [
      {
        ref: ref('Service', 'b'),
        doc: 0,
        itemPath: ['items', 1],
        ops: [{ op: 'replace', path: ['spec', 'type'], value: 'NodePort' }],
      },
    ]);
    expect(r.text).toBe(
      list.replace(
        'metadata: {name: b}\n    spec: {type: ClusterIP}',
        'metadata: {name: b}\n    spec: {type: NodePort}',
      ),
    );
  });

  it('defers a fix that touches a path an earlier fix of the same pass changed', () => {
    const path = ['spec', 'template', 'spec', 'containers', 0, 'image'];
    const a: FileFix = { ref: ref('Deployment', 'api', 'shop'), ops: [{ op: 'replace', path, value: 'x:1' }] };
    const b: FileFix = { ref: ref('Deployment', 'api', 'shop'), ops: [{ op: 'replace', path, value: 'y:1' }] };
    const r = patchFileText('x.yaml', MULTI, [a, b]);
    expect(r.applied).toEqual([a]);
    expect(r.deferred).toEqual([b]);
  });

  it('leaves the text alone when the object is not in the file', () => {
    const r = patchFileText('x.yaml', MULTI, [
      { ref: ref('Deployment', 'nope', 'shop'), ops: [{ op: 'remove', path: ['spec'] }] },
    ]);
    expect(r.text).toBe(MULTI);
    expect(r.deferred).toHaveLength(1);
  });
});

describe('patchFileText (JSON)', () => {
  it('patches List items and keeps the indentation', () => {
    const json =
      JSON.stringify(
        {
          apiVersion: 'v1',
          kind: 'List',
          items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' }, spec: { type: 'ClusterIP' } }],
        },
        null,
        4,
      ) + '\n';
    const r = patchFileText('l.json', json, [
      {
        ref: ref('Service', 'a'),
        itemPath: ['items', 0],
        ops: [{ op: 'add', path: ['spec', 'externalTrafficPolicy'], value: 'Local' }],
      },
    ]);
    expect(r.text).toBe(
      json.replace('"type": "ClusterIP"', '"type": "ClusterIP",\n                "externalTrafficPolicy": "Local"'),
    );
  });
});

describe('patchFileText (line endings and broken neighbours)', () => {
  it('keeps CRLF line endings and leaves a broken document alone', () => {
    const text = MULTI.replace(/\n/g, '\r\n') + '---\r\nbroken: [unclosed\r\n';
    const fix: FileFix = {
      ref: ref('ConfigMap', 'first', 'shop'),
      ops: [{ op: 'replace', path: ['data', 'a'], value: '2' }],
    };
    const r = patchFileText('x.yaml', text, [fix]);
    expect(r.applied).toHaveLength(1);
    expect(r.text).toBe(text.replace('a: "1"   # keep me', 'a: "2" # keep me'));
  });
});
