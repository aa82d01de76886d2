import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { JsonPath } from '../../core/json-path.js';
import { yamlLineMap } from './configs/line-map.js';
import { YamlDocSplitter, type YamlDoc } from './yaml-docs.js';
import { groupBy } from '../../core/collections.js';
import { STDIN_NAME } from './read-types.js';

/**
 * Total characters of documents mapped in one call: the position-keeping parse is ~10x slower than reading, so past
 * this the remaining findings keep their object's line. Only documents that have findings are mapped.
 */
const MAX_MAPPED_CHARS = 16 * 1024 * 1024;

export interface Locatable {
  readonly source?: { readonly file: string; readonly line: number };
  readonly path: JsonPath;
  readonly itemPath?: JsonPath;
  readonly doc?: number;
}

export interface LocateOptions {
  /** What was read from stdin (`ReadResult.stdin`), so that its findings get their field's line too. */
  readonly stdin?: Buffer | undefined;
  readonly maxMappedChars?: number;
}

/**
 * Refines each finding's line from its object's first line to the line of its JSON path (or the deepest existing
 * parent), re-reading (streamed) only the YAML inputs that have findings, files of any size and stdin alike, and
 * mapping only the documents that have findings. JSON inputs keep their item lines.
 */
export async function refineFindingLines<T extends Locatable>(
  findings: readonly T[],
  options: LocateOptions = {},
): Promise<T[]> {
  const byFile = groupBy(findings, (f) =>
    f.source && isYamlInput(f.source.file, options) ? f.source.file : undefined,
  );
  const refined = new Map<T, number>();
  let budget = options.maxMappedChars ?? MAX_MAPPED_CHARS;
  for (const [file, list] of byFile) {
    const wanted = new Set(list.flatMap((f) => (f.doc === undefined ? [] : [f.doc])));
    const docs = await documents(file === STDIN_NAME ? [options.stdin!] : createReadStream(file), wanted);
    const maps = new Map<number, Map<string, number> | undefined>();
    for (const f of list) {
      const doc = f.doc === undefined ? undefined : docs.get(f.doc);
      if (!doc) continue;
      if (!maps.has(doc.index)) {
        budget -= doc.text.length;
        maps.set(doc.index, budget >= 0 ? tryLineMap(doc) : undefined);
      }
      const line = lineOf(maps.get(doc.index), [...(f.itemPath ?? []), ...f.path]);
      if (line !== undefined) refined.set(f, line);
    }
  }
  return findings.map((f) => {
    const line = refined.get(f);
    return line !== undefined && f.source ? { ...f, source: { ...f.source, line } } : f;
  });
}

const isYamlInput = (file: string, options: LocateOptions): boolean =>
  file === STDIN_NAME
    ? options.stdin !== undefined && !/^\s*[[{]/.test(options.stdin.subarray(0, 4096).toString('latin1'))
    : /\.ya?ml$/i.test(file);

/** The wanted documents of a YAML input, split as the reader split them. */
async function documents(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, wanted: ReadonlySet<number>) {
  const docs = new Map<number, YamlDoc>();
  const splitter = new YamlDocSplitter(
    (d) => (wanted.has(d.index) ? docs.set(d.index, d) : undefined),
    () => undefined,
  );
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of chunks) splitter.push(decoder.write(chunk));
    splitter.push(decoder.end());
    splitter.end();
  } catch {
    // unreadable now: the findings keep their object lines
  }
  return docs;
}

function tryLineMap(doc: YamlDoc): Map<string, number> | undefined {
  try {
    return yamlLineMap(doc.text, doc.line);
  } catch {
    return undefined;
  }
}

/** Line of the path, or of its deepest parent the map has. */
function lineOf(map: ReadonlyMap<string, number> | undefined, full: JsonPath): number | undefined {
  if (!map) return undefined;
  for (let n = full.length; n >= 0; n--) {
    const line = map.get(JSON.stringify(full.slice(0, n)));
    if (line !== undefined) return line;
  }
  return undefined;
}
