import { diffArrays } from 'diff';
import { isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { JsonPath } from '../../core/json-path.js';
import { isDeepStrictEqual as isDeepEqual } from '../../core/equal.js';
import { formatRef, isKubeObject, isRecord, refOf, type ObjectRef } from '../../model/object.js';

/** A JSON-Patch op with array paths (the same shape as the engine's PatchOp). */
export type FileEdit =
  | { readonly op: 'add' | 'replace'; readonly path: JsonPath; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: JsonPath };

/** The edits of one finding, addressed to one object of a file. */
export interface FileFix {
  readonly ref: ObjectRef;
  /** Document index as the reader counted it (a hint: objects are matched by kind/namespace/name). */
  readonly doc?: number;
  /** Path of the object inside its document when it is a List item. */
  readonly itemPath?: JsonPath;
  readonly ops: readonly FileEdit[];
}

export interface PatchResult {
  readonly text: string;
  readonly applied: readonly FileFix[];
  /** Fixes left for a later pass: they touch a path another fix of this pass already changed, or their object was not found. */
  readonly deferred: readonly FileFix[];
}

const overlaps = (a: JsonPath, b: JsonPath): boolean => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
};

/** Picks, per object, the fixes that do not touch a path an earlier fix already touched. */
function partition(fixes: readonly FileFix[]): { now: FileFix[]; later: FileFix[] } {
  const touched = new Map<string, JsonPath[]>();
  const now: FileFix[] = [];
  const later: FileFix[] = [];
  for (const f of fixes) {
    const key = `${formatRef(f.ref)}\u0000${JSON.stringify(f.itemPath ?? [])}`;
    const seen = touched.get(key) ?? [];
    if (f.ops.some((op) => seen.some((p) => overlaps(p, op.path)))) later.push(f);
    else {
      now.push(f);
      touched.set(key, [...seen, ...f.ops.map((o) => o.path)]);
    }
  }
  return { now, later };
}

// ---------------------------------------------------------------- JSON

function applyToValue(root: unknown, ops: readonly FileEdit[]): void {
  for (const op of ops) {
    let parent: unknown = root;
    for (const [i, p] of op.path.slice(0, -1).entries()) {
      const rec = parent as Record<string | number, unknown>;
      if (rec[p] === undefined || rec[p] === null) {
        if (op.op !== 'add') return;
        rec[p] = typeof op.path[i + 1] === 'number' ? [] : {};
      }
      parent = rec[p];
      if (parent === null || typeof parent !== 'object') return;
    }
    const key = op.path[op.path.length - 1]!;
    if (op.op === 'remove') {
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete (parent as Record<string, unknown>)[key];
    } else if (Array.isArray(parent) && typeof key === 'number' && op.op === 'add')
      parent.splice(key, 0, structuredClone(op.value));
    else (parent as Record<string | number, unknown>)[key] = structuredClone(op.value);
  }
}

function patchJson(text: string, fixes: readonly FileFix[]): PatchResult {
  const value: unknown = JSON.parse(text);
  const applied: FileFix[] = [];
  const missing: FileFix[] = [];
  for (const f of fixes) {
    const target = objectAt(value, f);
    if (target) {
      applyToValue(target, f.ops);
      applied.push(f);
    } else missing.push(f);
  }
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const out = JSON.stringify(value, null, indent) + (text.endsWith('\n') ? '\n' : '');
  return { text: applied.length ? out : text, applied, deferred: missing };
}

function objectAt(root: unknown, f: FileFix): Record<string, unknown> | undefined {
  let cur: unknown = root;
  for (const p of f.itemPath ?? [])
    cur = isRecord(cur) || Array.isArray(cur) ? (cur as Record<string | number, unknown>)[p] : undefined;
  if (!isKubeObject(cur)) return undefined;
  const raw = refOf(cur);
  // a raw file of a kustomization that sets the namespace: the object was audited in that namespace
  const { namespace: _, ...unnamespaced } = f.ref;
  const same =
    formatRef(raw) === formatRef(f.ref) || (raw.namespace === undefined && formatRef(raw) === formatRef(unnamespaced));
  return same ? cur : undefined;
}

// ---------------------------------------------------------------- YAML

function applyToDoc(doc: Document, base: JsonPath, op: FileEdit): void {
  const path = [...base, ...op.path];
  if (op.op === 'remove') {
    if (doc.hasIn(path)) doc.deleteIn(path);
    return;
  }
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  if (!doc.hasIn(parentPath) && parentPath.length > 0)
    doc.setIn(parentPath, doc.createNode(typeof key === 'number' ? [] : {}));
  const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
  const existing = doc.getIn(path, true);
  if (isSeq(parent) && typeof key === 'number' && op.op === 'add')
    parent.items.splice(key, 0, doc.createNode(op.value));
  else if (isScalar(existing) && (op.value === null || typeof op.value !== 'object')) existing.value = op.value;
  else doc.setIn(path, doc.createNode(op.value));
}

/** Serialisation options that reproduce the file's own style (flow padding, sequence indentation, no folding). */
function styleOf(text: string) {
  const seq = /^( *)[\w"'./-]+:\s*\n( *)- /m.exec(text);
  return {
    lineWidth: 0,
    minContentWidth: 0,
    flowCollectionPadding: /\{ \S/.test(text) && !/\{[^ }\n]/.test(text),
    indentSeq: seq ? seq[2]!.length > seq[1]!.length : true,
  };
}

/** A run of rendered lines (`before`) and the original lines they stand for: one equal line, or a re-formatted block. */
interface Unit {
  readonly start: number;
  readonly end: number;
  readonly original: readonly string[];
}

/** Pairs each line of the unchanged rendering with the original text: equal lines one to one, the rest in blocks. */
function unitsOf(orig: readonly string[], base: readonly string[]): Unit[] {
  const units: Unit[] = [];
  let o = 0;
  let b = 0;
  let pending: string[] | undefined; // original lines of a block whose rendered lines have not come yet
  for (const part of diffArrays(
    orig.map((l) => l.replace(/\r$/, '')),
    [...base],
  )) {
    const n = part.value.length;
    if (part.removed) {
      pending = orig.slice(o, o + n);
      o += n;
    } else if (part.added) {
      units.push({ start: b, end: b + n, original: pending ?? [] });
      pending = undefined;
      b += n;
    } else {
      if (pending) units.push({ start: b, end: b, original: pending });
      pending = undefined;
      for (let k = 0; k < n; k++) units.push({ start: b + k, end: b + k + 1, original: [orig[o + k]!] });
      o += n;
      b += n;
    }
  }
  if (pending) units.push({ start: b, end: b, original: pending });
  return units;
}

/**
 * Re-renders one changed document while keeping the original text of every line the change does not touch: the
 * unchanged document and the changed one are both rendered in the file's style and compared line by line; only the
 * lines that differ are taken from the rendering. Where the rendering re-formats the original (a long plain scalar
 * folded over several lines, say), that block keeps its original text unless the change falls inside it.
 */
function mergeLines(original: string, before: string, after: string): string {
  const orig = original.split('\n');
  const eol = original.includes('\r\n') ? '\r' : ''; // keep CRLF files CRLF
  const base = before.split('\n');
  const kept = new Array<boolean>(base.length).fill(true);
  const inserted = new Map<number, string[]>(); // rendered lines added before line k of `base`
  let b = 0;
  for (const part of diffArrays(base, after.split('\n'))) {
    if (part.added) inserted.set(b, [...(inserted.get(b) ?? []), ...part.value.map((l) => l + eol)]);
    else {
      if (part.removed) kept.fill(false, b, b + part.value.length);
      b += part.value.length;
    }
  }
  const out: string[] = [];
  const take = (k: number): string[] => {
    const lines = inserted.get(k) ?? [];
    inserted.delete(k); // once, also where a block of original lines the rendering dropped shares its position
    return lines;
  };
  for (const u of unitsOf(orig, base)) {
    out.push(...take(u.start));
    let touched = kept.slice(u.start, u.end).includes(false);
    for (let k = u.start + 1; k < u.end && !touched; k++) touched = inserted.has(k);
    if (!touched) {
      out.push(...u.original);
      continue;
    }
    for (let k = u.start; k < u.end; k++) {
      if (k > u.start) out.push(...take(k));
      if (kept[k]) out.push(base[k]! + eol);
    }
  }
  out.push(...take(base.length));
  return out.join('\n');
}

function findDoc(docs: readonly Document[], values: readonly unknown[], f: FileFix): number {
  const matches = values.flatMap((v, i) => (objectAt(v, f) ? [i] : []));
  if (matches.length <= 1 || f.doc === undefined) return matches[0] ?? -1;
  return matches.reduce((best, i) => (Math.abs(i - f.doc!) < Math.abs(best - f.doc!) ? i : best));
}

function patchYaml(text: string, fixes: readonly FileFix[]): PatchResult {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return { text, applied: [], deferred: fixes };
  const values = docs.map((d) => (d.errors.length > 0 ? undefined : (d.toJS() as unknown)));
  const segmentOf = (i: number): string => text.slice(i === 0 ? 0 : docs[i]!.range[0], docs[i]!.range[1]);
  const styles = docs.map((_, i) => styleOf(segmentOf(i)));
  const applied: FileFix[] = [];
  const deferred: FileFix[] = [];
  const changed = new Map<number, string>();
  for (const f of fixes) {
    const i = findDoc(docs, values, f);
    if (i < 0 || docs[i]!.errors.length > 0) {
      deferred.push(f);
      continue;
    }
    const doc = docs[i]!;
    if (!changed.has(i)) changed.set(i, doc.toString(styles[i]));
    for (const op of f.ops) applyToDoc(doc, f.itemPath ?? [], op);
    applied.push(f);
  }
  if (applied.length === 0) return { text, applied, deferred };
  const render = (exact: boolean): string => {
    let out = '';
    let pos = 0;
    docs.forEach((d, i) => {
      const start = i === 0 ? 0 : d.range[0];
      const end = d.range[1];
      const before = changed.get(i);
      out += text.slice(pos, start);
      const segment = text.slice(start, end);
      if (before === undefined) out += segment;
      else out += exact ? mergeLines(segment, before, d.toString(styles[i])) : d.toString(styles[i]);
      pos = end;
    });
    return out + text.slice(pos);
  };
  const expected = docs.map((d, i) => (changed.has(i) ? (d.toJS() as unknown) : undefined));
  const merged = render(true);
  const check = parseAllDocuments(merged);
  const ok =
    Array.isArray(check) &&
    check.length === docs.length &&
    // documents without fixes keep their text, including any error they already had
    check.every((d, i) => !changed.has(i) || (d.errors.length === 0 && isDeepEqual(d.toJS(), expected[i])));
  return { text: ok ? merged : render(false), applied, deferred };
}

/** Applies fixes to a YAML or JSON file's text, keeping comments, key order and untouched lines. */
export function patchFileText(file: string, text: string, fixes: readonly FileFix[]): PatchResult {
  const { now, later } = partition(fixes);
  const isJson = /\.json$/i.test(file) || /^\s*[[{]/.test(text);
  const r = isJson ? patchJson(text, now) : patchYaml(text, now);
  return { ...r, deferred: [...r.deferred, ...later] };
}
