import { createReadStream } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { InputError } from '../../core/errors.js';
import { Collector } from './collector.js';
import { COMPONENT_READERS, type ComponentFileReader } from './component-readers.js';
import { discoverInputs, MANIFEST_EXT, STDIN } from './discover.js';
import { PoolForLargeFiles, type FileReading } from './file-pool.js';
import { readJson, readJsonInWorker } from './read-json.js';
import { STDIN_KEEP_LIMIT, STDIN_NAME, WHOLE_FILE_LIMIT, type ReadOptions, type ReadResult } from './read-types.js';
import { readYaml } from './read-yaml.js';
import { applyRawKustomizations, planKustomize } from './kustomize-inputs.js';

export { discoverInputs, STDIN } from './discover.js';
export type { DiscoveredInputs, ListDirectory, UnreadableDirectory } from './discover.js';
export type { ReadOptions, ReadResult, ReadStats } from './read-types.js';

/** Reads every input; never throws for bad input: problems become diagnostics and the rest is still read. */
export async function readInputs(paths: readonly string[], options: ReadOptions = {}): Promise<ReadResult> {
  const readers = options.componentReaders ?? COMPONENT_READERS;
  const out = new Collector();
  const cwd = options.cwd ?? process.cwd();
  const { files, missing, unreadable, kustomizations } = await discoverInputs(
    paths,
    readers,
    cwd,
    options.listDirectory,
  );
  for (const m of missing)
    out.diagnostics.push({
      code: 'source-error',
      severity: 'error',
      file: m,
      message: `${m}: no such file or directory`,
    });
  for (const d of unreadable)
    out.skip('unreadable directory', {
      code: 'source-error',
      severity: 'error',
      file: d.path,
      message: `${d.path}: directory not read (${d.message}); the rest was read`,
    });
  const plan = await planKustomize(kustomizations, files, out, { renderer: options.kustomize, cwd });
  const pools = new PoolForLargeFiles(options);
  try {
    for (const file of plan.files) await readPath(file, { out, readers, pools, options });
    for (const r of plan.rendered) {
      out.stats.files++;
      await readOne(r.stream(), { file: r.name, out, readers, parallel: undefined });
    }
  } finally {
    await pools.close();
  }
  applyRawKustomizations(out, plan.raw, cwd);
  if (out.pending.length === 0) return out;
  const { resources, components, diagnostics, stats, stdin } = out;
  const schemaValidated = Promise.all(out.pending).then(() => undefined);
  return { resources, components, diagnostics, stats, schemaValidated, ...(stdin ? { stdin } : {}) };
}

/** Reads one input path (or stdin) into `out`; an unreadable one becomes a diagnostic. */
async function readPath(file: string, { out, readers, pools, options }: Reading): Promise<void> {
  out.stats.files++;
  const path = file === STDIN ? undefined : resolve(options.cwd ?? process.cwd(), file);
  const stream = path
    ? createReadStream(path, { highWaterMark: 1 << 20 })
    : keptStdin(options.stdin ?? process.stdin, out);
  const name = file === STDIN ? STDIN_NAME : file;
  try {
    await readOne(stream, { file: name, out, readers, parallel: await pools.forFile(path) });
  } catch (e) {
    out.skip('unreadable', {
      code: 'source-error',
      severity: 'error',
      file: name,
      ...(e instanceof InputError && e.line !== undefined ? { line: e.line } : {}),
      // an InputError names the file itself
      message: e instanceof InputError ? e.message : `${name}: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}

/** Stdin, its bytes kept in `out.stdin` once read (unless larger than STDIN_KEEP_LIMIT). */
function keptStdin(stdin: Readable, out: Collector): Readable {
  return Readable.from(
    (async function* () {
      const kept: Buffer[] = [];
      let bytes = 0;
      try {
        for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
          const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          bytes += b.length;
          if (bytes <= STDIN_KEEP_LIMIT) kept.push(b);
          else kept.length = 0;
          yield b;
        }
      } finally {
        if (bytes <= STDIN_KEEP_LIMIT) out.stdin = Buffer.concat(kept);
      }
    })(),
    { objectMode: false },
  );
}

/** One readInputs call. */
interface Reading {
  readonly out: Collector;
  readonly readers: readonly ComponentFileReader[];
  readonly pools: PoolForLargeFiles;
  readonly options: ReadOptions;
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
    throw new InputError('not valid UTF-8', file, undefined, { cause: e });
  }
}
