import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParallelOptions } from './parse-pool.js';
import { hasLazyBody } from './lazy-body.js';
import { readInputs as read, type ReadOptions } from './read.js';

let dir: string;
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\n  namespace: a\nspec:\n  containers: [{name: c, image: "x:1"}]\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubetune-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every case runs on the main thread and through the worker pool (which large files use): the same result.
const MODES: { name: string; parallel: ParallelOptions }[] = [
  { name: 'main thread', parallel: { workers: 0 } },
  { name: 'worker threads', parallel: { workers: 2, minFileBytes: 0 } },
];

describe.each(MODES)('reading manifests ($name)', ({ parallel }) => {
  const readInputs = (paths: readonly string[], o: ReadOptions = {}) => read(paths, { ...o, parallel });
  it('reads multi-document YAML with Helm comments and empty documents, keeping each object line', async () => {
    const p = file(
      'helm.yaml',
      `---\n# Source: chart/templates/a.yaml\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n# Source: chart/templates/empty.yaml\n---\n\n---\n${POD}`,
    );
    const r = await readInputs([p]);
    expect(r.resources.map((x) => [x.ref.kind, x.source?.line, x.source?.doc])).toEqual([
      ['Service', 3, 0],
      ['Pod', 11, 3],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('expands kind: List and *List from kubectl get -o yaml|json, with item lines', async () => {
    const yamlList = file(
      'list.yaml',
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\nmetadata:\n  resourceVersion: ""\n',
    );
    const jsonList = file(
      'pods.json',
      JSON.stringify(
        {
          apiVersion: 'v1',
          kind: 'PodList',
          metadata: {},
          items: [
            { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1', note: 'a "quoted" } brace \\\\' } },
            { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p2' } },
          ],
        },
        null,
        4,
      ),
    );
    const r = await readInputs([yamlList, jsonList]);
    expect(r.resources.map((x) => [x.ref.name, x.source?.line, x.source?.itemPath])).toEqual([
      ['a', 4, ['items', 0]],
      ['b', 8, ['items', 1]],
      ['p1', 6, ['items', 0]],
      ['p2', 14, ['items', 1]],
    ]);
  });

  it('reads JSON Lists and arrays item by item: lines, a malformed item, a non-Kubernetes item, a cut-off file', async () => {
    const list = file(
      'many.json',
      '{\n  "kind": "List",\n  "items": [\n    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}},\n' +
        '    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b" "oops": 1}},\n    {\n' +
        '      "apiVersion": "v1",\n      "kind": "ConfigMap",\n      "metadata": {"name": "c", "note": "é €"}\n    },\n' +
        '    {"no": "kind"}\n  ]\n}\n',
    );
    const array = file('array.json', '[\n\t{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "n"}}\r\n]');
    const cut = file(
      'cut.json',
      '{"items": [\n  {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "d"}},\n  {"apiVersion": "v1",\n',
    );
    const r = await readInputs([list, array, cut]);
    expect(r.resources.map((x) => [x.ref.name, x.source?.line, x.source?.itemPath])).toEqual([
      ['a', 4, ['items', 0]],
      ['c', 6, ['items', 2]],
      ['n', 2, ['items', 0]],
      ['d', 2, ['items', 0]],
    ]);
    expect((r.resources[1]!.object.metadata as { note: string }).note).toBe('é €');
    expect(r.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['parse-error', list, 5],
      ['not-kubernetes', list, 11],
      ['parse-error', cut, 3],
    ]);
    expect(r.diagnostics[2]!.message).toMatch(/unexpected end of JSON input/);
    expect(r.stats).toMatchObject({ documents: 6, objects: 4, skipped: { 'parse error': 2, 'not Kubernetes': 1 } });
  });

  it('reads the objects a controller made exactly as written (their bodies may be parsed only when read)', async () => {
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u-rs', controller: true };
    const items = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', uid: 'u-rs' }, spec: { replicas: 2 } },
      ...[0, 1].map((i) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `p${i}`, uid: `u${i}`, ownerReferences: [owner] },
        spec: { containers: [{ name: 'c', image: 'x:1', args: ['a "quoted" }', 'é'] }] },
        status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
      })),
      // A body with a syntax error after valid metadata: reported at read time, with its line.
      '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "bad", "uid": "u9", "ownerReferences": [{"controller": true}]}, "spec": {"x": tru}}',
    ];
    const text = `{"kind": "List", "items": [\n${items.map((i) => (typeof i === 'string' ? i : JSON.stringify(i, null, 2))).join(',\n')}\n]}`;
    const p = file('owned.json', text);
    const r = await readInputs([p]);
    const objects = r.resources.map((x) => x.object);
    // Through the reader's worker the pods' bodies are not parsed yet; on the main thread everything is.
    expect(objects.map(hasLazyBody)).toEqual(parallel.workers === 0 ? [false, false, false] : [false, true, true]);
    expect(JSON.stringify(objects)).toBe(JSON.stringify(items.slice(0, 3)));
    expect(objects).toEqual(items.slice(0, 3));
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'parse-error',
        line: text.split('\n').findIndex((l) => l.includes('"bad"')) + 1,
      }),
    ]);
  });

  it('reads JSON that is not a List of objects, and JSON that is not UTF-8', async () => {
    const mixed = file('mixed.json', '[1, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "m"}}]');
    const single = file('single.json', '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "s"}}');
    const latin1 = file(
      'latin1.json',
      Buffer.concat([
        Buffer.from('{"items": [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "caf'),
        Buffer.from([0xe9, 0x22, 0x7d, 0x7d, 0x5d, 0x7d]),
      ]),
    );
    const r = await readInputs([mixed, single, latin1]);
    expect(r.resources.map((x) => [x.ref.name, x.source?.line])).toEqual([
      ['m', 1],
      ['s', 1],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.file, d.message])).toEqual([
      ['source-error', latin1, expect.stringMatching(/not valid UTF-8/)],
    ]);
  });

  it('keeps CRDs and unknown kinds, and reports non-Kubernetes documents without failing', async () => {
    const p = file(
      'mixed.yaml',
      'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n---\nfoo: bar\n---\n- 1\n- 2\n',
    );
    const r = await readInputs([p]);
    expect(r.resources.map((x) => x.ref.kind)).toEqual(['Widget']);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['not-kubernetes', 5],
      ['not-kubernetes', 7],
    ]);
    expect(r.stats.skipped).toEqual({ 'not Kubernetes': 2 });
  });

  it('names file and line of malformed YAML and still reads the other documents and files', async () => {
    const bad = file(
      'bad.yaml',
      `${POD}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n---\n${POD.replace('name: ok', 'name: after')}`,
    );
    const good = file('good.yaml', POD.replace('name: ok', 'name: other'));
    const r = await readInputs([bad, good]);
    expect(r.resources.map((x) => x.ref.name)).toEqual(['ok', 'after', 'other']);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'parse-error', severity: 'error', file: bad });
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(9);
    expect(r.diagnostics[0]!.message).toContain(`${bad}:`);
  });

  it('rejects duplicate keys (the API server does too) with their line', async () => {
    const p = file('dup.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n');
    const r = await readInputs([p]);
    expect(r.resources).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ code: 'parse-error', line: 5 });
    expect(r.diagnostics[0]!.message).toMatch(/duplicated mapping key/);
  });

  it('rejects YAML alias bombs without expanding them', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const p = file(
      'bomb.yaml',
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${lines.map((l) => '  ' + l).join('\n')}\n---\n${POD}`,
    );
    const r = await readInputs([p]);
    expect(r.resources.map((x) => x.ref.name)).toEqual(['ok']);
    expect(r.diagnostics[0]!.message).toMatch(/alias bomb/);
  });

  it('rejects very deep nesting in YAML and JSON', async () => {
    const deepYaml = file(
      'deep.yaml',
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    );
    const deepJson = file(
      'deep.json',
      `{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"},"data":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`,
    );
    const r = await readInputs([deepYaml, deepJson]);
    expect(r.resources.map((x) => x.ref.name)).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['parse-error', 'parse-error']);
  });

  it('skips binary and non-UTF-8 files with a diagnostic', async () => {
    const bin = file('image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const latin1 = file(
      'latin1.yaml',
      Buffer.concat([
        Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf'),
        Buffer.from([0xe9]),
        Buffer.from('}\n'),
      ]),
    );
    const r = await readInputs([bin, latin1]);
    expect(r.resources).toEqual([]);
    expect(r.diagnostics.map((d) => d.file)).toEqual([bin, latin1]);
    expect(r.diagnostics[0]!.message).toMatch(/binary/);
    expect(r.diagnostics[1]!.message).toMatch(/UTF-8/);
  });

  it('handles empty input and missing paths', async () => {
    const empty = file('empty.yaml', '');
    const comments = file('comments.yaml', '# nothing here\n---\n');
    const r = await readInputs([empty, comments, join(dir, 'missing.yaml')]);
    expect(r.resources).toEqual([]);
    expect(r.stats.files).toBe(2);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'source-error', message: expect.stringMatching(/no such file/) }),
    ]);
  });

  it('reads stdin, directories recursively and globs', async () => {
    const sub = join(dir, 'tree', 'nested');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'a.yml'), POD);
    writeFileSync(
      join(dir, 'tree', 'b.json'),
      JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }),
    );
    writeFileSync(join(dir, 'tree', 'notes.txt'), 'ignored');
    const r = await readInputs([join(dir, 'tree'), `${dir}/tree/**/*.yml`, '-'], {
      stdin: Readable.from([Buffer.from(POD.replace('name: ok', 'name: piped'))]),
    });
    expect(r.resources.map((x) => `${x.source?.file.replace(dir, '')}:${x.ref.name}`)).toEqual([
      '/tree/b.json:n',
      '/tree/nested/a.yml:ok',
      '<stdin>:piped',
    ]);
  });

  it('streams a 200 MB file, skipping an oversized document and keeping the rest', async () => {
    const p = join(dir, 'huge.yaml');
    const out = createWriteStream(p);
    out.write('bad: [\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n  blob: "');
    const chunk = 'x'.repeat(1 << 20);
    for (let i = 0; i < 200; i++) out.write(chunk);
    out.write(`"\n---\n${POD}`);
    await new Promise((resolve) => out.end(resolve));
    const before = process.memoryUsage().rss;
    const r = await readInputs([p]);
    expect(r.resources.map((x) => x.ref.name)).toEqual(['ok']);
    // In input order, also when a worker parses the first document while the splitter skips the second.
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2, expect.stringMatching(/unexpected end|flow collection/)],
      [3, expect.stringMatching(/larger than 64 MiB/)],
    ]);
    expect(process.memoryUsage().rss - before).toBeLessThan(600 * 1024 * 1024);
  });
});
