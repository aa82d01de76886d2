import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_BATCH_BYTES, readListInWorker } from './json-parallel.js';
import { ITEM_FIELDS } from './json-scan.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubetune-json-worker-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pod = (i: number) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `p-${i}`, namespace: 'a', labels: { app: 'x'.repeat(i % 50) } },
  spec: { containers: [{ name: 'c', image: 'nginx:1.27', env: [{ name: 'A', value: '"}]\\\\' }] }] },
});

describe('readListInWorker', () => {
  it('hands over every item of a large List in order, in batches, with lines, from a worker thread', async () => {
    const items = Array.from({ length: 6000 }, (_, i) => pod(i));
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 4);
    const path = join(dir, 'pods.json');
    writeFileSync(path, text);
    const got: unknown[] = [];
    const lines: number[] = [];
    let batches = 0;
    const outcome = await readListInWorker(
      { path, file: 'pods.json' },
      {
        items: ({ bytes, table }) => {
          batches++;
          const buf = Buffer.from(bytes);
          for (let i = 0; i < table.length; i += ITEM_FIELDS) {
            got.push(JSON.parse(buf.toString('utf8', table[i]!, table[i + 1]!)));
            lines.push(table[i + 2]!);
          }
        },
      },
    );
    expect(outcome).toEqual({
      kind: 'done',
      clean: true,
      line: text.split('\n').length,
      items: 6000,
      validated: expect.any(Promise),
    });
    expect(got).toEqual(items);
    const expectedLines = text.split('\n').flatMap((l, i) => (l === '        {' ? [i + 1] : []));
    expect(lines).toEqual(expectedLines);
    // Compact texts: fewer bytes than the file, in more than one batch.
    expect(batches).toBeGreaterThan(1);
    expect(batches).toBeLessThan(Math.ceil(Buffer.byteLength(text) / JSON_BATCH_BYTES));
  });

  it('says so when the file is not a List of objects, and when the worker cannot start or dies', async () => {
    const path = join(dir, 'scalar.json');
    writeFileSync(path, '[1, 2]');
    await expect(readListInWorker({ path, file: 'scalar.json' }, { items: () => undefined })).resolves.toEqual({
      kind: 'unsplittable',
      reason: 'an element of the array is not an object',
    });
    const cannotStart = await readListInWorker({ path, file: 'x' }, { items: () => undefined }, () => {
      throw new Error('no threads here');
    });
    expect(cannotStart).toMatchObject({ kind: 'failed', error: { message: 'no threads here' } });
    const dies = await readListInWorker(
      { path, file: 'x' },
      { items: () => undefined },
      () => new Worker('process.exit(3)', { eval: true }),
    );
    expect(dies).toMatchObject({ kind: 'failed', error: { message: expect.stringMatching(/code 3/) } });
  });

  it('rejects with the reader errors (not UTF-8) and with what the consumer threw', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, Buffer.concat([Buffer.from('{"items": [{"a": "'), Buffer.from([0xff]), Buffer.from('"}]}')]));
    await expect(readListInWorker({ path: bad, file: 'bad.json' }, { items: () => undefined })).rejects.toThrow(
      'bad.json: not valid UTF-8',
    );
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, '[{"a": 1}]');
    await expect(
      readListInWorker(
        { path: ok, file: 'ok.json' },
        {
          items: () => {
            throw new Error('consumer failed');
          },
        },
      ),
    ).rejects.toThrow('consumer failed');
  });
});
