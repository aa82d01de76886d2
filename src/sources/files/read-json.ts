import type { KubeObject } from '../../model/object.js';
import { isKubeObject, isRecord } from '../../model/object.js';
import { rememberSchemaProblems } from '../../knowledge/schema.js';
import { componentLineMaps } from './configs/line-map.js';
import { readListInWorker } from './json-parallel.js';
import { ITEM_FIELDS, ITEM_NON_ASCII, ITEM_TOO_DEEP } from './json-scan.js';
import { JsonItems, jsonErrorLineOffset, jsonMessage } from './json-items.js';
import { JsonSplitter } from './json-stream.js';
import { attachLazyBody } from './lazy-body.js';
import type { FileReading, Parallel } from './file-pool.js';
import type { ParsePool } from './parse-pool.js';
import { WHOLE_FILE_LIMIT } from './read-types.js';
import { Utf8Validator } from './utf8.js';

const jsonValidationPool = (parallel: Parallel | undefined): ParsePool | undefined =>
  parallel?.validate && parallel.validateJson ? parallel.pool : undefined;

/**
 * Reads a large JSON List or array through the JSON reader's worker. Returns false, with nothing collected, when the
 * file is to be read on this thread instead (not a List or array of objects, or the worker failed).
 */
export async function readJsonInWorker({
  file,
  out,
  parallel,
}: FileReading & { parallel: Parallel }): Promise<boolean> {
  const mark = out.mark();
  // The worker validates the objects itself, after the read (see json-read-worker.ts): no pool.
  const items = new JsonItems(file, out, undefined);
  const objects: (KubeObject | undefined)[] = [];
  const outcome = await readListInWorker(
    { path: parallel.path, file, validate: parallel.validate },
    {
      items: ({ bytes, table, names }) => {
        const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        for (let i = 0; i < table.length; i += ITEM_FIELDS) {
          const [start, end, line, flags, split] = [
            table[i]!,
            table[i + 1]!,
            table[i + 2]!,
            table[i + 3]!,
            table[i + 4]!,
          ];
          const utf8 = (flags & ITEM_NON_ASCII) !== 0;
          const decode = (from: number, to: number) => buf.toString(utf8 ? 'utf8' : 'latin1', from, to);
          const lazy =
            split >= 0
              ? lazyItem(decode(start, split), decode(split + 1, end), names.slice(table[i + 5], table[i + 6]))
              : undefined;
          const object = items.add(lazy ? '' : decode(start, end), line, (flags & ITEM_TOO_DEEP) !== 0, lazy);
          if (parallel.validate) objects.push(object);
        }
      },
      schema: (index, problems) => {
        const object = objects[index];
        if (object) rememberSchemaProblems(object, problems);
      },
    },
  );
  if (outcome.kind === 'done' && outcome.items > 0) {
    if (!outcome.clean) out.parseError(file, outcome.line, 'unexpected end of JSON input');
    if (parallel.validate) out.pending.push(outcome.validated);
    return true;
  }
  out.rollback(mark);
  if (outcome.kind === 'failed') out.poolFailed(file, outcome.error);
  return false;
}

/**
 * An item the worker checked against the JSON grammar and split after its metadata: the header (up to metadata) is
 * parsed now, the keys after it when first read (lazy-body.ts). Undefined when the header is not an object or shares a
 * key with the body (the caller parses the whole text then).
 */
function lazyItem(head: string, body: string, names: readonly string[]): Record<string, unknown> | undefined {
  const header: unknown = JSON.parse(head + '}');
  if (!isRecord(header) || names.some((n) => Object.hasOwn(header, n))) return undefined;
  attachLazyBody(header, names, '{' + body);
  return header;
}

export async function readJson(
  chunks: AsyncIterable<Buffer>,
  { file, out, reader, parallel }: FileReading,
): Promise<void> {
  let kept: Buffer[] | undefined = [];
  let keptBytes = 0;
  // With a pool and schema validation asked for, items are validated by the workers while this thread reads on.
  const items = new JsonItems(file, out, jsonValidationPool(parallel));
  const splitter = new JsonSplitter((piece) => {
    items.add(piece.text, piece.line, piece.tooDeep ?? false, piece.value);
  });
  const validator = new Utf8Validator(file);
  try {
    for await (const chunk of chunks) {
      validator.push(chunk);
      splitter.push(chunk);
      if (kept && items.count > 0) kept = undefined; // a List or array: never parsed whole
      if (kept) {
        kept.push(chunk);
        keptBytes += chunk.length;
        if (keptBytes > WHOLE_FILE_LIMIT) kept = undefined;
      }
      await items.drain(3);
    }
    validator.end();
  } finally {
    await items.finish();
  }
  if (items.count > 0) {
    if (!splitter.end()) out.parseError(file, splitter.currentLine, 'unexpected end of JSON input');
    return;
  }
  if (!kept)
    return out.parseError(file, 1, `a single JSON value larger than ${WHOLE_FILE_LIMIT} bytes that is not a List`);
  const text = Buffer.concat(kept).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return out.parseError(file, 1 + jsonErrorLineOffset(e, text), jsonMessage(e));
  }
  if (reader && !isKubeObject(value)) {
    out.stats.documents++;
    const r = reader.read(text, file, 1);
    out.components.push(...r.components);
    out.diagnostics.push(...r.diagnostics);
    return;
  }
  out.addValue(value, file, 1, 0, undefined, componentLineMaps(value, text, 1));
}
