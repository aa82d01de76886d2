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
  const refined = new Map<number, number>();
  await refineLines(
    {
      count: findings.length,
      file: (i) => findings[i]!.source?.file,
      doc: (i) => findings[i]!.doc,
      path: (i) => [...(findings[i]!.itemPath ?? []), ...findings[i]!.path],
      setLine: (i, line) => refined.set(i, line),
    },
    options,
  );
  return findings.map((f, i) => {
    const line = refined.get(i);
    return line !== undefined && f.source ? { ...f, source: { ...f.source, line } } : f;
  });
}

/** Findings seen through accessors (a compact finding table needs no object per finding). */
export interface LineTargets {
  readonly count: number;
  file(i: number): string | undefined;
  doc(i: number): number | undefined;
  /** The full path inside the document (a List item's path, then the finding's). */
  path(i: number): JsonPath;
  setLine(i: number, line: number): void;
}

/** refineFindingLines over accessors: `setLine` is called for every finding whose line was found. */
export async function refineLines(targets: LineTargets, options: LocateOptions = {}): Promise<void> {
  const all = Array.from({ length: targets.count }, (_, i) => i);
  const byFile = groupBy(all, (i) => {
    const file = targets.file(i);
    return file !== undefined && isYamlInput(file, options) ? file : undefined;
  });
  const budget = { chars: options.maxMappedChars ?? MAX_MAPPED_CHARS };
  for (const [file, list] of byFile) {
    const wanted = new Set(list.flatMap((i) => targets.doc(i) ?? []));
    const docs = await documents(file === STDIN_NAME ? [options.stdin!] : createReadStream(file), wanted);
    const maps = new Map<number, Map<string, number> | undefined>();
    for (const i of list) {
      const index = targets.doc(i);
      const doc = index === undefined ? undefined : docs.get(index);
      if (!doc) continue;
      if (!maps.has(doc.index)) {
        budget.chars -= doc.text.length;
        maps.set(doc.index, budget.chars >= 0 ? tryLineMap(doc) : undefined);
      }
      const line = lineOf(maps.get(doc.index), targets.path(i));
      if (line !== undefined) targets.setLine(i, line);
    }
  }
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
