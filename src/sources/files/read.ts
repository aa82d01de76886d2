import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { glob } from 'tinyglobby';
import { TextDecoder } from 'node:util';
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import type { ComponentConfigBase } from '../../model/component-config.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { isKubeObject, isRecord, listItems, refOf, type KubeObject, type Resource } from '../../model/object.js';
import { COMPONENT_READERS, type ComponentFileReader } from './component-readers.js';
import { componentLineMaps } from './configs/line-map.js';
import type { JsonPath } from '../../core/json-path.js';
import { readListInWorker } from './json-parallel.js';
import { ITEM_FIELDS, ITEM_NON_ASCII, ITEM_TOO_DEEP } from './json-scan.js';
import { attachLazyBody } from './lazy-body.js';
import { JsonSplitter } from './json-stream.js';
import { Utf8Validator } from './utf8.js';
import { listItemLines, tryLoadYaml, YamlDocSplitter, type YamlDoc } from './yaml-docs.js';
import { rememberSchemaProblems } from '../../knowledge/schema.js';
import {
  DEFAULT_MIN_PARALLEL_BYTES,
  BatchQueue,
  ParsePool,
  poolSize,
  validateJsonInWorkers,
  type ParallelOptions,
} from './parse-pool.js';
import type { SchemaOutcome } from './parse-protocol.js';

export const STDIN = '-';
const MANIFEST_EXT = new Set(['.yaml', '.yml', '.json']);
const SKIP_DIRS = new Set(['node_modules', '.git']);
/** Whole-file limit for inputs that cannot be streamed (a single non-List JSON value, component files). */
const WHOLE_FILE_LIMIT = 64 * 1024 * 1024;

export interface ReadStats {
  files: number;
  documents: number;
  objects: number;
  skipped: Record<string, number>;
}

export interface ReadResult {
  readonly resources: Resource[];
  readonly components: ComponentConfigBase[];
  readonly diagnostics: Diagnostic[];
  readonly stats: ReadStats;
  /**
   * Settles (never rejects) when the schema validation a reader's worker still runs after the read is done
   * (`validateSchema`); until then `validateAgainstSchema` may validate those objects itself. Undefined when none runs.
   */
  readonly schemaValidated?: Promise<void>;
}

export interface ReadOptions {
  readonly stdin?: Readable;
  readonly componentReaders?: readonly ComponentFileReader[];
  /** Directory relative paths are resolved against (names are reported as given). */
  readonly cwd?: string;
  /** Worker threads for large files (YAML parsing, schema validation); `{ workers: 0 }` keeps to one thread. */
  readonly parallel?: ParallelOptions;
  /** Validate objects against the schema while reading (in the workers), for the `schema-invalid` rule. */
  readonly validateSchema?: boolean;
}

interface CollectorMark {
  readonly resources: number;
  readonly diagnostics: number;
  readonly stats: ReadStats;
}

class Collector implements ReadResult {
  readonly resources: Resource[] = [];
  readonly components: ComponentConfigBase[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly stats: ReadStats = { files: 0, documents: 0, objects: 0, skipped: {} };
  /** Work a reader's worker still does after the read (schema validation). */
  readonly pending: Promise<void>[] = [];

  /** What was collected so far, to go back to when a file is read again another way. */
  mark(): CollectorMark {
    return {
      resources: this.resources.length,
      diagnostics: this.diagnostics.length,
      stats: { ...this.stats, skipped: { ...this.stats.skipped } },
    };
  }

  rollback(mark: CollectorMark): void {
    this.resources.length = mark.resources;
    this.diagnostics.length = mark.diagnostics;
    Object.assign(this.stats, mark.stats);
  }

  /** The parse workers failed (could not start, or died): the file is parsed on the main thread instead. */
  poolFailed(file: string, e: unknown): void {
    this.diagnostics.push({
      code: 'source-error',
      severity: 'warning',
      file,
      message: `${file}: parse worker threads failed (${e instanceof Error ? e.message : String(e)}); parsed on the main thread instead`,
    });
  }

  skip(reason: string, d?: Omit<Diagnostic, 'code'> & { code?: Diagnostic['code'] }): void {
    this.stats.skipped[reason] = (this.stats.skipped[reason] ?? 0) + 1;
    if (d) this.diagnostics.push({ code: 'skipped-input', ...d });
  }

  /** Adds a parsed document value: an object, a List (expanded), or something that is not Kubernetes. */
  addValue(
    value: unknown,
    file: string,
    line: number,
    doc: number,
    itemLines?: () => number[],
    lineMaps?: (itemPath: JsonPath) => Map<string, number> | undefined,
  ): void {
    this.stats.documents++;
    if (value === null || value === undefined) return this.skip('empty document');
    if (!isKubeObject(value)) {
      return this.skip('not Kubernetes', {
        code: 'not-kubernetes',
        severity: 'warning',
        file,
        line,
        message: `${file}:${line}: document ${doc + 1} has no apiVersion/kind; not a Kubernetes object`,
      });
    }
    if (value.kind.endsWith('List') && Array.isArray(value['items'])) {
      const lines = itemLines?.() ?? [];
      value['items'].forEach((item: unknown, i: number) => {
        const itemLine = lines[i] ?? line;
        const map = lineMaps?.(['items', i]);
        if (isKubeObject(item))
          this.addObject(item, { file, line: itemLine, doc, itemPath: ['items', i], ...(map ? { lines: map } : {}) });
        else
          this.skip('not Kubernetes', {
            code: 'not-kubernetes',
            severity: 'warning',
            file,
            line: itemLine,
            message: `${file}:${itemLine}: item ${i} of ${value.kind} has no apiVersion/kind`,
          });
      });
      return;
    }
    const lines = lineMaps?.([]);
    this.addObject(value, { file, line, doc, ...(lines ? { lines } : {}) });
  }

  addObject(object: KubeObject, source: Resource['source'] & object): void {
    const meta = object.metadata;
    if (isRecord(meta) && 'managedFields' in meta) delete (meta as Record<string, unknown>)['managedFields'];
    this.stats.objects++;
    this.resources.push({ object, ref: refOf(object), source });
  }

  parseError(file: string, line: number, message: string): void {
    this.skip('parse error', {
      code: 'parse-error',
      severity: 'error',
      file,
      line,
      message: `${file}:${line}: ${message}`,
    });
  }
}

/** Expands paths (files, directories recursively, globs, `-`) into the list of inputs to read, in a stable order. */
export async function discoverInputs(
  paths: readonly string[],
  readers: readonly ComponentFileReader[] = COMPONENT_READERS,
  cwd: string = process.cwd(),
): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    if (p === STDIN) {
      files.push(STDIN);
      continue;
    }
    if (/[*?[\]{}]/.test(p)) {
      const matched = (await glob(p, { dot: false, onlyFiles: true, cwd })).sort();
      if (matched.length === 0) missing.push(p);
      files.push(...matched);
      continue;
    }
    const st = await stat(resolve(cwd, p)).catch(() => undefined);
    if (!st) missing.push(p);
    else if (st.isDirectory()) files.push(...(await walk(p, readers, cwd)));
    else files.push(p);
  }
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = f === STDIN ? f : resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, missing };
}

async function walk(dir: string, readers: readonly ComponentFileReader[], cwd: string): Promise<string[]> {
  const entries = (await readdir(resolve(cwd, dir), { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  );
  const out: string[] = [];
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) out.push(...(await walk(full, readers, cwd)));
    } else if (
      e.isFile() &&
      (MANIFEST_EXT.has(extname(e.name).toLowerCase()) || readers.some((r) => r.matches(full, '')))
    ) {
      out.push(full);
    }
  }
  return out;
}

/** Reads every input; never throws for bad input: problems become diagnostics and the rest is still read. */
export async function readInputs(paths: readonly string[], options: ReadOptions = {}): Promise<ReadResult> {
  const readers = options.componentReaders ?? COMPONENT_READERS;
  const out = new Collector();
  const cwd = options.cwd ?? process.cwd();
  const { files, missing } = await discoverInputs(paths, readers, cwd);
  for (const m of missing)
    out.diagnostics.push({
      code: 'source-error',
      severity: 'error',
      file: m,
      message: `${m}: no such file or directory`,
    });
  const pools = new PoolForLargeFiles(options);
  try {
    for (const file of files) await readPath(file, { out, readers, pools, options });
  } finally {
    await pools.close();
  }
  if (out.pending.length === 0) return out;
  const { resources, components, diagnostics, stats } = out;
  return { resources, components, diagnostics, stats, schemaValidated: Promise.all(out.pending).then(() => undefined) };
}

/** Reads one input path (or stdin) into `out`; an unreadable one becomes a diagnostic. */
async function readPath(file: string, { out, readers, pools, options }: Reading): Promise<void> {
  out.stats.files++;
  const path = file === STDIN ? undefined : resolve(options.cwd ?? process.cwd(), file);
  const stream = path ? createReadStream(path, { highWaterMark: 1 << 20 }) : (options.stdin ?? process.stdin);
  const name = file === STDIN ? '<stdin>' : file;
  try {
    await readOne(stream, { file: name, out, readers, parallel: await pools.forFile(path) });
  } catch (e) {
    out.skip('unreadable', {
      code: 'source-error',
      severity: 'error',
      file: name,
      message: `${name}: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}

/** The worker pool: started for the first file large enough to use it, stopped when reading ends. */
class PoolForLargeFiles {
  private pool: ParsePool | undefined;
  private readonly workers: number;
  private readonly minBytes: number;
  private readonly validate: boolean;
  private readonly validateJson: boolean;

  constructor(options: ReadOptions) {
    this.workers = poolSize(options.parallel);
    this.minBytes = options.parallel?.minFileBytes ?? DEFAULT_MIN_PARALLEL_BYTES;
    this.validate = options.validateSchema ?? false;
    this.validateJson = this.workers > 0 && validateJsonInWorkers(options.parallel);
  }

  async forFile(path: string | undefined): Promise<Parallel | undefined> {
    if (this.workers === 0 || path === undefined || (await stat(path)).size < this.minBytes) return undefined;
    // Started on first use: a JSON file on a small machine never needs the workers (see validateJsonInWorkers).
    const started = (): ParsePool => (this.pool ??= new ParsePool(this.workers));
    return {
      path,
      get pool() {
        return started();
      },
      validate: this.validate,
      validateJson: this.validateJson,
    };
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

interface Parallel {
  /** The file on disk (the JSON reader's worker reads it itself). */
  readonly path: string;
  readonly pool: ParsePool;
  readonly validate: boolean;
  /** JSON items are validated by the workers too (they parse each one again). */
  readonly validateJson: boolean;
}

/** One readInputs call. */
interface Reading {
  readonly out: Collector;
  readonly readers: readonly ComponentFileReader[];
  readonly pools: PoolForLargeFiles;
  readonly options: ReadOptions;
}

/** One file being read: where results go, its component reader if any, the worker pool if it is large. */
interface FileReading {
  readonly file: string;
  readonly out: Collector;
  readonly reader: ComponentFileReader | undefined;
  readonly parallel: Parallel | undefined;
}

async function readOne(
  stream: Readable,
  { file, out, readers, parallel }: Omit<FileReading, 'reader'> & { readers: readonly ComponentFileReader[] },
): Promise<void> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  if (first.done) return out.skip('empty file');
  const head = Buffer.from(first.value);
  if (head.subarray(0, 8192).includes(0)) {
    stream.destroy();
    return out.skip('binary file', { severity: 'warning', file, line: 1, message: `${file}: binary file, skipped` });
  }
  const headText = head.subarray(0, 4096).toString('utf8');
  const reader = readers.find((r) => r.matches(file, headText));
  const chunks = (async function* () {
    yield head;
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
  })();
  if (reader && !MANIFEST_EXT.has(extname(file).toLowerCase())) return readComponentFile(chunks, file, out, reader);
  const firstChar = /\S/.exec(headText)?.[0];
  if (extname(file).toLowerCase() === '.json' || firstChar === '{' || firstChar === '[') {
    if (!parallel) return readJson(chunks, { file, out, reader, parallel });
    // A large file: a worker reads and splits it, this thread parses the items.
    stream.destroy();
    if (await readJsonInWorker({ file, out, reader, parallel })) return;
    return readJson(createReadStream(parallel.path, { highWaterMark: 1 << 20 }), { file, out, reader, parallel });
  }
  return readYaml(chunks, { file, out, reader, parallel });
}

async function readComponentFile(
  chunks: AsyncIterable<Buffer>,
  file: string,
  out: Collector,
  reader: ComponentFileReader,
) {
  const text = await collectText(chunks, file);
  const r = reader.read(text, file);
  out.stats.documents++;
  out.components.push(...r.components);
  out.diagnostics.push(...r.diagnostics);
}

async function collectText(chunks: AsyncIterable<Buffer>, file: string): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  for await (const c of chunks) {
    text += decodeChunk(decoder, c, file);
    if (text.length > WHOLE_FILE_LIMIT) throw new Error(`larger than ${WHOLE_FILE_LIMIT} bytes`);
  }
  return text + decoder.decode();
}

function decodeChunk(decoder: TextDecoder, chunk: Buffer, file: string): string {
  try {
    return decoder.decode(chunk, { stream: true });
  } catch (e) {
    throw new Error(`${file} is not valid UTF-8`, { cause: e });
  }
}

/**
 * The items of a JSON List or array, from either splitter (this thread's, or the worker's): each is parsed (unless the
 * splitter did already), rejected when nested too deep, and added or reported; with a pool validating JSON, objects are
 * also sent to the workers for schema validation.
 */
class JsonItems {
  count = 0;
  private readonly queue: BatchQueue<unknown>;
  private batch: unknown[] = [];
  private texts: string[] = [];
  private batchChars = 0;

  constructor(
    private readonly file: string,
    private readonly out: Collector,
    private readonly pool: ParsePool | undefined,
  ) {
    this.queue = new BatchQueue<unknown>(
      (values, results) => values.forEach((value, i) => rememberSchema(value, results?.[i]?.schema)),
      (e) => out.poolFailed(file, e),
    );
  }

  /** Adds one item; returns the object when it is one. */
  add(text: string, line: number, tooDeep: boolean, parsed?: unknown): KubeObject | undefined {
    const { file, out } = this;
    const item = this.count++;
    out.stats.documents++;
    if (tooDeep) {
      out.parseError(file, line, `item ${item} rejected: nesting deeper than 128 levels`);
      return undefined;
    }
    let value = parsed;
    if (value === undefined) {
      try {
        value = JSON.parse(text);
      } catch (e) {
        out.parseError(file, line + jsonErrorLineOffset(e, text), jsonMessage(e));
        return undefined;
      }
    }
    if (isKubeObject(value)) {
      out.addObject(value, { file, line, doc: 0, itemPath: ['items', item] });
      if (this.pool) {
        this.batch.push(value);
        this.texts.push(text);
        this.batchChars += text.length;
        if (this.batchChars >= BATCH_CHARS) this.flush();
      }
      return value;
    }
    out.skip('not Kubernetes', {
      code: 'not-kubernetes',
      severity: 'warning',
      file,
      line,
      message: `${file}:${line}: item ${item} has no apiVersion/kind`,
    });
    return undefined;
  }

  /** Waits until at most `keep` validation batches are in flight. */
  async drain(keep: number): Promise<void> {
    if (this.pool) await this.queue.drain(this.pool.size * keep);
  }

  async finish(): Promise<void> {
    this.flush();
    await this.queue.drain();
  }

  private flush(): void {
    if (!this.pool || this.batch.length === 0) return;
    this.queue.push(
      this.batch,
      this.pool.submit({ file: this.file, format: 'json', texts: this.texts, validate: true }),
    );
    this.batch = [];
    this.texts = [];
    this.batchChars = 0;
  }
}

const jsonValidationPool = (parallel: Parallel | undefined): ParsePool | undefined =>
  parallel?.validate && parallel.validateJson ? parallel.pool : undefined;

/**
 * Reads a large JSON List or array through the JSON reader's worker. Returns false, with nothing collected, when the
 * file is to be read on this thread instead (not a List or array of objects, or the worker failed).
 */
async function readJsonInWorker({ file, out, parallel }: FileReading & { parallel: Parallel }): Promise<boolean> {
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

async function readJson(chunks: AsyncIterable<Buffer>, { file, out, reader, parallel }: FileReading): Promise<void> {
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

const jsonMessage = (e: unknown): string => `invalid JSON: ${e instanceof Error ? e.message : String(e)}`;

function jsonErrorLineOffset(e: unknown, text: string): number {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (!m) return 0;
  let lines = 0;
  const end = Math.min(Number(m[1]), text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

type YamlOutcome = ReturnType<typeof tryLoadYaml>;

/** Records schema problems a worker found for the objects of a document (the value, or each item of a List). */
function rememberSchema(value: unknown, schema: SchemaOutcome | undefined): void {
  if (!schema || !isKubeObject(value)) return;
  const objects = listItems(value) ?? [value];
  schema.forEach((problems, i) => {
    const o = objects[i];
    if (problems && o !== null && typeof o === 'object') rememberSchemaProblems(o, problems);
  });
}

const BATCH_CHARS = 1 << 20;

async function readYaml(
  chunks: AsyncIterable<Buffer>,
  { file, out, reader, parallel: pool }: FileReading,
): Promise<void> {
  const validator = new Utf8Validator(file);
  const decoder = new StringDecoder('utf8');
  const handle = (doc: YamlDoc, outcome: YamlOutcome): void => {
    if ('error' in outcome) {
      out.stats.documents++;
      const { kind, lineOffset, message } = outcome.error;
      if (kind === 'yaml') return out.parseError(file, doc.line + lineOffset, message);
      if (kind === 'unsafe') return out.parseError(file, doc.line, `document ${doc.index + 1} rejected: ${message}`);
      return out.parseError(file, doc.line, `document ${doc.index + 1} rejected: nesting too deep`);
    }
    const value = outcome.value;
    if (reader && !isKubeObject(value)) {
      out.stats.documents++;
      const r = reader.read(doc.text, file, doc.line);
      out.components.push(...r.components);
      out.diagnostics.push(...r.diagnostics);
      return;
    }
    out.addValue(
      value,
      file,
      firstContentLine(doc.text, doc.line),
      doc.index,
      () => listItemLines(doc.text, doc.line),
      componentLineMaps(value, doc.text, doc.line),
    );
  };
  const queue = new BatchQueue<YamlDoc>(
    (docs, results) =>
      docs.forEach((doc, i) => {
        const r = results?.[i];
        if (!r) return handle(doc, tryLoadYaml(doc.text, file));
        if (r.error) return handle(doc, { error: r.error });
        const value = r.json !== undefined ? (JSON.parse(r.json) as unknown) : r.value;
        rememberSchema(value, r.schema);
        handle(doc, { value });
      }),
    (e) => out.poolFailed(file, e),
  );
  let batch: YamlDoc[] = [];
  let batchChars = 0;
  const flush = (): void => {
    if (!pool || batch.length === 0) return;
    queue.push(
      batch,
      pool.pool.submit({ file, format: 'yaml', texts: batch.map((d) => d.text), validate: pool.validate }),
    );
    batch = [];
    batchChars = 0;
  };
  const splitter = new YamlDocSplitter(
    (doc) => {
      if (!pool) return handle(doc, tryLoadYaml(doc.text, file));
      batch.push(doc);
      batchChars += doc.text.length;
      if (batchChars >= BATCH_CHARS) flush();
    },
    (line) => {
      flush();
      queue.defer(() =>
        out.skip('document too large', {
          severity: 'error',
          file,
          line,
          message: `${file}:${line}: document larger than 64 MiB, skipped`,
        }),
      );
    },
  );
  try {
    for await (const chunk of chunks) {
      validator.push(chunk);
      // Valid so far and pure ASCII: no character is pending in the decoder, and latin1 decodes it several times faster.
      splitter.push(isAscii(chunk) ? chunk.toString('latin1') : decoder.write(chunk));
      // Bounded memory: a few batches per worker in flight, the oldest consumed first.
      if (pool) await queue.drain(pool.pool.size * 3);
    }
    validator.end();
    splitter.push(decoder.end());
    splitter.end();
  } finally {
    // The documents read before a failure (invalid UTF-8, an unreadable stream) are kept, as on the main thread.
    flush();
    await queue.drain();
  }
}

/** Line of a document's first line holding more than blanks or a comment (within its first 200 lines). */
function firstContentLine(text: string, docLine: number): number {
  const m = /^[^\S\n]*[^\s#]/m.exec(text);
  if (!m) return docLine;
  let i = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < m.index && i < 200; nl = text.indexOf('\n', nl + 1)) i++;
  return i < 200 ? docLine + i : docLine;
}
