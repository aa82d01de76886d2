import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { glob } from 'tinyglobby';
import { TextDecoder } from 'node:util';
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import yaml from 'js-yaml';
import type { ComponentConfigBase } from '../../model/component-config.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { isKubeObject, isRecord, refOf, type KubeObject, type Resource } from '../../model/object.js';
import { COMPONENT_READERS, type ComponentFileReader } from './component-readers.js';
import { componentLineMaps } from './configs/line-map.js';
import type { JsonPath } from '../../core/json-path.js';
import { JsonSplitter } from './json-stream.js';
import { Utf8Validator } from './utf8.js';
import { listItemLines, loadYaml, UnsafeDocumentError, YamlDocSplitter } from './yaml-docs.js';

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
}

export interface ReadOptions {
  readonly stdin?: Readable;
  readonly componentReaders?: readonly ComponentFileReader[];
  /** Directory relative paths are resolved against (names are reported as given). */
  readonly cwd?: string;
}

class Collector implements ReadResult {
  readonly resources: Resource[] = [];
  readonly components: ComponentConfigBase[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly stats: ReadStats = { files: 0, documents: 0, objects: 0, skipped: {} };

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
  for (const file of files) {
    out.stats.files++;
    const stream =
      file === STDIN
        ? (options.stdin ?? process.stdin)
        : createReadStream(resolve(cwd, file), { highWaterMark: 1 << 20 });
    const name = file === STDIN ? '<stdin>' : file;
    try {
      await readOne(stream, name, out, readers);
    } catch (e) {
      out.skip('unreadable', {
        code: 'source-error',
        severity: 'error',
        file: name,
        message: `${name}: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  return out;
}

async function readOne(
  stream: Readable,
  file: string,
  out: Collector,
  readers: readonly ComponentFileReader[],
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
  if (extname(file).toLowerCase() === '.json' || firstChar === '{' || firstChar === '[')
    return readJson(chunks, file, out, reader);
  return readYaml(chunks, file, out, reader);
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

async function readJson(
  chunks: AsyncIterable<Buffer>,
  file: string,
  out: Collector,
  reader?: ComponentFileReader,
): Promise<void> {
  let pieces = 0;
  let kept: Buffer[] | undefined = [];
  let keptBytes = 0;
  const splitter = new JsonSplitter((piece) => {
    pieces++;
    out.stats.documents++;
    if (piece.tooDeep)
      return out.parseError(file, piece.line, `item ${piece.item ?? 0} rejected: nesting deeper than 128 levels`);
    let value = piece.value;
    if (value === undefined) {
      try {
        value = JSON.parse(piece.text);
      } catch (e) {
        return out.parseError(file, piece.line + jsonErrorLineOffset(e, piece.text), jsonMessage(e));
      }
    }
    if (isKubeObject(value))
      out.addObject(value, { file, line: piece.line, doc: 0, itemPath: ['items', piece.item ?? 0] });
    else
      out.skip('not Kubernetes', {
        code: 'not-kubernetes',
        severity: 'warning',
        file,
        line: piece.line,
        message: `${file}:${piece.line}: item ${piece.item ?? 0} has no apiVersion/kind`,
      });
  });
  const validator = new Utf8Validator(file);
  for await (const chunk of chunks) {
    validator.push(chunk);
    splitter.push(chunk);
    if (kept && pieces > 0) kept = undefined; // a List or array: never parsed whole
    if (kept) {
      kept.push(chunk);
      keptBytes += chunk.length;
      if (keptBytes > WHOLE_FILE_LIMIT) kept = undefined;
    }
  }
  validator.end();
  if (pieces > 0) {
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

async function readYaml(
  chunks: AsyncIterable<Buffer>,
  file: string,
  out: Collector,
  reader?: ComponentFileReader,
): Promise<void> {
  const validator = new Utf8Validator(file);
  const decoder = new StringDecoder('utf8');
  const splitter = new YamlDocSplitter(
    (doc) => {
      let value: unknown;
      try {
        value = loadYaml(doc.text, file);
      } catch (e) {
        out.stats.documents++;
        if (e instanceof yaml.YAMLException)
          return out.parseError(file, doc.line + (e.mark?.line ?? 0), e.reason || e.message);
        if (e instanceof UnsafeDocumentError)
          return out.parseError(file, doc.line, `document ${doc.index + 1} rejected: ${e.message}`);
        if (e instanceof RangeError)
          return out.parseError(file, doc.line, `document ${doc.index + 1} rejected: nesting too deep`);
        throw e;
      }
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
    },
    (line) =>
      out.skip('document too large', {
        severity: 'error',
        file,
        line,
        message: `${file}:${line}: document larger than 64 MiB, skipped`,
      }),
  );
  for await (const chunk of chunks) {
    validator.push(chunk);
    // Valid so far and pure ASCII: no character is pending in the decoder, and latin1 decodes it several times faster.
    splitter.push(isAscii(chunk) ? chunk.toString('latin1') : decoder.write(chunk));
  }
  validator.end();
  splitter.push(decoder.end());
  splitter.end();
}

/** Line of a document's first line holding more than blanks or a comment (within its first 200 lines). */
function firstContentLine(text: string, docLine: number): number {
  const m = /^[^\S\n]*[^\s#]/m.exec(text);
  if (!m) return docLine;
  let i = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < m.index && i < 200; nl = text.indexOf('\n', nl + 1)) i++;
  return i < 200 ? docLine + i : docLine;
}
