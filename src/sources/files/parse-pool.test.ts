import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaPrecomputed, validateAgainstSchema } from '../../knowledge/schema.js';
import { availableParallelism } from 'node:os';
import { BatchQueue, ParsePool, poolSize, usableCpus } from './parse-pool.js';
import { readInputs } from './read.js';
import { loadYaml } from './yaml-load.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubetune-pool-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BAD_POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: bad}\nspec:\n  containers: [{name: c, image: x, resource: {}}]\n';

describe('parse pool (worker threads)', () => {
  it('parses YAML documents in a worker: compact JSON, schema problems, errors with their line', async () => {
    const pool = new ParsePool(1);
    try {
      const results = await pool.submit({
        file: 'f.yaml',
        format: 'yaml',
        validate: true,
        texts: [BAD_POD, 'a: 1\nb: [1, 2\n', 'x: .nan\ny: -.inf\nz: -0\n', ''],
      });
      expect(results).toHaveLength(4);
      const [pod, broken, numbers, empty] = results!;
      expect(JSON.parse(pod!.json!)).toMatchObject({ kind: 'Pod', metadata: { name: 'bad' } });
      expect(pod!.schema).toEqual([validateAgainstSchema(JSON.parse(pod!.json!))]);
      expect(pod!.schema![0]!.map((p) => p.path.join('.'))).toContain('spec.containers.0.resource');
      expect(broken!.error).toMatchObject({ kind: 'yaml', lineOffset: expect.any(Number) });
      // JSON cannot carry NaN or -Infinity: such a document comes back as a structured clone, exactly.
      expect(numbers!.json).toBeUndefined();
      expect(numbers!.value).toEqual(loadYaml('x: .nan\ny: -.inf\nz: -0\n', 'f.yaml'));
      expect(numbers!.value).toMatchObject({ x: NaN, y: -Infinity });
      expect(empty!.json).toBeUndefined();
    } finally {
      await pool.close();
    }
  });

  it('validates a large JSON List in the reader worker: same problems as validating on the main thread', async () => {
    const items = Array.from({ length: 300 }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `p${i}` },
      spec: { containers: [{ name: 'c', image: 'x:1', ...(i % 7 === 0 ? { resource: {} } : {}) }] },
    }));
    // Created by a ReplicaSet in the cluster: not validated (the rule skips them); and one that names a controller
    // but has no uid (a manifest): the worker leaves it, the rule validates it on the main thread.
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u-rs', controller: true };
    const owned = Array.from({ length: 5 }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `owned${i}`, uid: `u${i}`, ownerReferences: [owner] },
      spec: { containers: [{ name: 'c', image: 'x:1', resource: {} }] },
    }));
    const manifest = { ...owned[0]!, metadata: { name: 'manifest', ownerReferences: [owner] } };
    const p = join(dir, 'list.json');
    writeFileSync(
      p,
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [...items, ...owned, manifest] }, null, 4),
    );
    const pooled = await readInputs([p], {
      parallel: { workers: 2, minFileBytes: 0, validateJson: true },
      validateSchema: true,
    });
    // Validated after the read, while the caller goes on.
    expect(pooled.schemaValidated).toBeInstanceOf(Promise);
    await pooled.schemaValidated;
    const objects = pooled.resources.map((r) => r.object);
    expect(objects.map(schemaPrecomputed)).toEqual([...items.map(() => true), ...owned.map(() => false), false]);
    const fromWorkers = objects.map((o) => validateAgainstSchema(o));
    // The same objects re-parsed without a pool are validated on this thread: results must be equal.
    const plain = await readInputs([p], { parallel: { workers: 0 } });
    expect(plain.resources.some((r) => schemaPrecomputed(r.object))).toBe(false);
    expect(fromWorkers).toEqual(plain.resources.map((r) => validateAgainstSchema(r.object)));
    expect(fromWorkers.filter((x) => x!.length > 0)).toHaveLength(Math.ceil(300 / 7) + owned.length + 1);
  });

  it('sizes the pool by the CPUs the process may use, within a container CPU limit', () => {
    const cpus = availableParallelism();
    expect(usableCpus(() => undefined)).toBe(cpus);
    expect(usableCpus(() => 0.5)).toBe(1); // limits.cpu: 500m
    expect(usableCpus(() => 1000)).toBe(cpus); // a quota above the machine changes nothing
    expect(poolSize(undefined, () => 1)).toBe(0); // one CPU: workers would only compete with the main thread
    expect(poolSize(undefined, () => 2)).toBe(2);
    expect(poolSize(undefined, () => 16)).toBe(4);
    expect(poolSize({ workers: 0 }, () => 16)).toBe(0);
    expect(poolSize({ workers: 3 }, () => 1)).toBe(3);
  });

  it('loses nothing when the workers cannot start: every batch falls back to the caller, the failure is told once', async () => {
    const pool = new ParsePool(2, () => {
      throw new Error('no threads here');
    });
    const consumed: [string[], unknown][] = [];
    const failures: unknown[] = [];
    const queue = new BatchQueue<string>(
      (items, results) => consumed.push([items, results]),
      (e) => failures.push(e),
    );
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      queue.push(['a'], pool.submit({ file: 'f', format: 'yaml', validate: false, texts: ['a: 1'] }));
      queue.push(['b'], pool.submit({ file: 'f', format: 'yaml', validate: false, texts: ['b: 1'] }));
      await new Promise((r) => setTimeout(r, 20)); // the rejections settle before anyone awaits them
      await queue.drain();
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await pool.close();
    }
    expect(consumed).toEqual([
      [['a'], undefined],
      [['b'], undefined],
    ]);
    expect(failures.map((e) => (e as Error).message)).toEqual(['no threads here']);
    expect(unhandled).toEqual([]);
  });

  it('workers start under any host flags (node --title=… --input-type=module -e)', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = `
      const { readInputs } = await import(${JSON.stringify(new URL('./read.ts', import.meta.url).href)});
      const r = await readInputs([${JSON.stringify(join(dir, 'flags.yaml'))}], { parallel: { workers: 1, minFileBytes: 0 } });
      console.log(JSON.stringify({ objects: r.stats.objects, diagnostics: r.diagnostics.length }));
    `;
    writeFileSync(join(dir, 'flags.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
    const r = spawnSync(
      process.execPath,
      ['--title=kubetune-test', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ objects: 1, diagnostics: 0 });
  });
});
