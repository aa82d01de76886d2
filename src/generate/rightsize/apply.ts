/**
 * `--apply`: writes recommendations into manifest text, preserving comments. Each YAML document is edited through
 * the `yaml` Document API; documents without a change keep their original bytes, changed ones keep their comments
 * and the file's sequence-indent style. Pure: text in, text out (the CLI reads and writes the files).
 */
import { parseAllDocuments, type Document } from 'yaml';
import { isKubeObject, namespaceOf, refOf } from '../../model/object.js';
import { toWorkload, type ContainerView } from '../../model/workload.js';
import type { ContainerRecommendation } from '../../analyzers/rightsize/types.js';
import { resourcesBlock } from './patches.js';

export interface ApplyChange {
  readonly workload: string;
  readonly container: string;
  readonly line?: number;
}

export interface ApplyResult {
  readonly text: string;
  readonly changes: readonly ApplyChange[];
}

const keyOf = (ns: string, kind: string, name: string, container: string): string =>
  `${ns}/${kind}/${name}/${container}`;

/** Whether the file indents `- item` under its parent key (`indentSeq`), judged from the source. */
const indentsSequences = (text: string): boolean => !/\n( *)[\w.-]+:[ \t]*\r?\n\1- /.test(text);

/** Writes one container's recommended resources and recomputed runtime settings into the document. */
function setContainer(doc: Document, c: ContainerView, r: ContainerRecommendation): void {
  const block = resourcesBlock(r.recommended ?? {}, r.current.cpuLimit !== undefined);
  for (const [section, values] of Object.entries(block)) {
    for (const [res, value] of Object.entries(values as Record<string, string | null>)) {
      const path = [...c.path, 'resources', section, res];
      if (value === null) doc.deleteIn(path);
      else doc.setIn(path, value);
    }
  }
  for (const change of r.runtime) {
    if (change.where === 'args' || change.where === 'command') {
      change.list?.forEach((v, i) => doc.setIn([...c.path, change.where, i], v));
      continue;
    }
    const idx = c.env.findIndex((e) => e.name === change.where);
    if (idx >= 0) doc.setIn([...c.path, 'env', idx, 'value'], change.to);
  }
}

function applyToDocument(
  doc: Document,
  recs: ReadonlyMap<string, ContainerRecommendation>,
  lineOf: (offset: number) => number,
): ApplyChange[] {
  const object: unknown = doc.toJS();
  if (!isKubeObject(object)) return [];
  const w = toWorkload({ object, ref: refOf(object) });
  if (!w) return [];
  const ns = namespaceOf(object) ?? 'default';
  const changes: ApplyChange[] = [];
  for (const c of [...w.containers, ...w.initContainers]) {
    const r = recs.get(keyOf(ns, w.kind, w.name, c.name));
    if (!r?.recommended) continue;
    setContainer(doc, c, r);
    const node = doc.getIn(c.path, true) as { range?: [number, number, number] } | undefined;
    changes.push({
      workload: `${w.kind}/${ns}/${w.name}`,
      container: c.name,
      ...(node?.range ? { line: lineOf(node.range[0]) } : {}),
    });
  }
  return changes;
}

/** Applies the `ok` recommendations to every matching workload container in `text`. */
export function applyRecommendations(text: string, recommendations: readonly ContainerRecommendation[]): ApplyResult {
  const recs = new Map<string, ContainerRecommendation>();
  for (const r of recommendations)
    if (r.status === 'ok') recs.set(keyOf(r.workload.namespace, r.workload.kind, r.workload.name, r.container), r);
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return { text, changes: [] };
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const indentSeq = indentsSequences(text);
  const parts: string[] = [];
  const changes: ApplyChange[] = [];
  let cursor = 0;
  for (const doc of docs) {
    const end = doc.range[2];
    const original = text.slice(cursor, end);
    const changed = doc.errors.length === 0 ? applyToDocument(doc, recs, lineOf) : [];
    if (changed.length === 0) parts.push(original);
    else {
      const rendered = doc.toString({ indentSeq, lineWidth: 0 });
      const separator = cursor > 0 && !rendered.startsWith('---') ? '---\n' : '';
      parts.push(separator + rendered);
      changes.push(...changed);
    }
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), changes };
}
