import { readFile, stat } from 'node:fs/promises';
import type { JsonPath } from '../../core/json-path.js';
import { yamlLineMap } from './configs/line-map.js';
import { YamlDocSplitter, type YamlDoc } from './yaml-docs.js';
import { groupBy } from '../../core/collections.js';

/** Files larger than this keep object-level lines (a second, position-keeping parse is ~10x slower than js-yaml). */
const MAX_LOCATE_BYTES = 4 * 1024 * 1024;

/**
 * Refines each finding's line from its object's first line to the line of its JSON path (or the deepest existing
 * parent), re-reading only the YAML files that have findings. Findings from stdin, JSON or big files keep their line.
 */
export interface Locatable {
  readonly source?: { readonly file: string; readonly line: number };
  readonly path: JsonPath;
  readonly itemPath?: JsonPath;
  readonly doc?: number;
}

export async function refineFindingLines<T extends Locatable>(findings: readonly T[]): Promise<T[]> {
  const byFile = groupBy(findings, (f) => (f.source && /\.ya?ml$/i.test(f.source.file) ? f.source.file : undefined));
  const refined = new Map<T, number>();
  for (const [file, list] of byFile) {
    const size = await stat(file).then(
      (s) => s.size,
      () => Infinity,
    );
    if (size > MAX_LOCATE_BYTES) continue;
    const docs = new Map<number, YamlDoc>();
    const splitter = new YamlDocSplitter(
      (d) => docs.set(d.index, d),
      () => undefined,
    );
    splitter.push(await readFile(file, 'utf8').catch(() => ''));
    splitter.end();
    const maps = new Map<number, Map<string, number>>();
    for (const f of list) {
      const doc = f.doc === undefined ? undefined : docs.get(f.doc);
      if (!doc) continue;
      let map = maps.get(doc.index);
      if (!map) {
        try {
          map = yamlLineMap(doc.text, doc.line);
        } catch {
          continue;
        }
        maps.set(doc.index, map);
      }
      const full = [...(f.itemPath ?? []), ...f.path];
      for (let n = full.length; n >= 0; n--) {
        const line = map.get(JSON.stringify(full.slice(0, n)));
        if (line !== undefined) {
          refined.set(f, line);
          break;
        }
      }
    }
  }
  return findings.map((f) => {
    const line = refined.get(f);
    return line !== undefined && f.source ? { ...f, source: { ...f.source, line } } : f;
  });
}
