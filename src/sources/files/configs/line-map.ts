import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { JsonPath } from '../../../core/json-path.js';
import { COMPONENT_DOCUMENT_KINDS } from '../../../model/components/extract.js';
import { isKubeObject, isRecord, listItems } from '../../../model/object.js';
import { listItemLines } from '../yaml-docs.js';

/** Documents larger than this keep only their document line (the map costs a second parse). */
const MAX_MAPPED_CHARS = 2 * 1024 * 1024;

/**
 * Line of every value in a YAML document, keyed by `JSON.stringify(path)` (the key the engine looks findings up by).
 * `firstLine` is the document's first line in its file. Uses the `yaml` package's Document API with a LineCounter.
 */
export function yamlLineMap(text: string, firstLine: number): Map<string, number> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  const out = new Map<string, number>();
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line + firstLine - 1;
  const walk = (node: unknown, path: JsonPath): void => {
    const n = node as Node | null;
    if (!n) return;
    const line = lineOf(n.range?.[0]);
    if (line !== undefined && !out.has(JSON.stringify(path))) out.set(JSON.stringify(path), line);
    if (isMap(n)) {
      for (const pair of n.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keyLine = isScalar(pair.key) ? lineOf(pair.key.range?.[0]) : undefined;
        if (keyLine !== undefined) out.set(JSON.stringify([...path, key]), keyLine);
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(n)) n.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return out;
}

/** Re-keys a document's line map to one List item (`['items', 3]` prefix stripped). */
export function subMap(map: ReadonlyMap<string, number>, prefix: JsonPath): Map<string, number> {
  if (prefix.length === 0) return new Map(map);
  const head = JSON.stringify(prefix).slice(0, -1);
  const out = new Map<string, number>();
  for (const [k, v] of map) {
    if (k === JSON.stringify(prefix)) out.set('[]', v);
    else if (k.startsWith(head + ',')) out.set('[' + k.slice(head.length + 1), v);
  }
  return out;
}

/** Pods and DaemonSets are component documents only in kube-system (static pods, kube-proxy): bulk pods skip the second parse. */
const isSystemWorkload = (o: { kind: string; metadata?: { namespace?: string } }): boolean =>
  (o.kind !== 'Pod' && o.kind !== 'DaemonSet') || o.metadata?.namespace === 'kube-system';

const wantsLines = (o: unknown): boolean =>
  isKubeObject(o) &&
  ((COMPONENT_DOCUMENT_KINDS.has(o.kind) && isSystemWorkload(o)) ||
    (o.kind === 'ConfigMap' &&
      /^(cilium-config|kube-proxy|kubelet-config|kubeadm-config)$/.test(o.metadata?.name ?? '')));

/**
 * For a parsed YAML document, a function giving the line map of the object at `itemPath` ([] for the document
 * itself, ['items', i] for a List item) when that object is a component document; undefined otherwise.
 */
export function componentLineMaps(
  value: unknown,
  text: string,
  firstLine: number,
): ((itemPath: JsonPath) => Map<string, number> | undefined) | undefined {
  if (text.length > MAX_MAPPED_CHARS) return undefined;
  const items = listItems(value);
  if (!(items ? items.some(wantsLines) : wantsLines(value))) return undefined;
  let map: Map<string, number> | undefined;
  let starts: number[] | undefined;
  let textLines: string[] | undefined;
  return (itemPath) => {
    const target = itemPath.length === 2 && items ? items[itemPath[1] as number] : value;
    if (!isRecord(target) || !wantsLines(target)) return undefined;
    if (items) {
      starts ??= listItemLines(text, firstLine);
      textLines ??= text.split('\n');
      const own = itemLineMap(textLines, firstLine, starts, itemPath[1] as number);
      if (own) return own;
    }
    map ??= yamlLineMap(text, firstLine);
    return subMap(map, itemPath);
  };
}

/**
 * The line map of one List item, parsed from its own lines only (a List of many pods holds a few static pods:
 * re-parsing the whole document would cost far more). Undefined when the item's lines cannot be cut out cleanly.
 */
function itemLineMap(
  lines: readonly string[],
  firstLine: number,
  starts: readonly number[],
  index: number,
): Map<string, number> | undefined {
  const start = starts[index];
  if (start === undefined) return undefined;
  const from = start - firstLine;
  const indent = /^(\s*)-/.exec(lines[from] ?? '')?.[1]?.length;
  if (indent === undefined) return undefined;
  let to = (starts[index + 1] ?? Number.MAX_SAFE_INTEGER) - firstLine;
  if (starts[index + 1] === undefined) {
    to = lines.findIndex(
      (l, j) =>
        j > from &&
        l.trim() !== '' &&
        !l.trimStart().startsWith('#') &&
        /^(\s*)/.exec(l)![1]!.length <= indent &&
        !l.trimStart().startsWith('-'),
    );
    if (to === -1) to = lines.length;
  }
  const own = subMap(yamlLineMap(lines.slice(from, to).join('\n'), start), [0]);
  return own.has(JSON.stringify(['kind'])) ? own : undefined;
}
