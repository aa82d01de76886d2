import { diffArrays } from 'diff';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { auditFiles } from '../../src/app/audit.js';
import type { JsonPath } from '../../src/core/json-path.js';
import type { Finding } from '../../src/engine/types.js';
import { patchFileText, type FileFix } from '../../src/sources/files/patch-file.js';

// The README promises that `kubetune fix` leaves every line it has no fix for as it was (a GitOps diff shows only
// the fix). Checked on the real manifests: the largest files, and all of them joined into one install manifest.
const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'manifests');
const work = mkdtempSync(join(tmpdir(), 'kubetune-fix-lines-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [],
  );

const toFileFix = (f: Finding): FileFix => ({
  ref: f.object,
  ...(f.doc !== undefined ? { doc: f.doc } : {}),
  ...(f.itemPath ? { itemPath: f.itemPath } : {}),
  ops: f.fix ?? [],
});

/** Lines (1-based) a fix may change in a text: the node it sets or removes (or the first ancestor it creates), key included. */
function fixLines(text: string, fixes: readonly FileFix[], other: string): Set<number> {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc }) as Document[];
  const otherDocs = parseAllDocuments(other) as Document[];
  const lines = new Set<number>();
  const line = (offset: number) => lc.linePos(offset).line;
  const refs = docs.map(refKey);
  const otherRefs = otherDocs.map(refKey);
  // as patch-file does: the document holding the object (the reader's index is a hint, not a parse index)
  const find = (keys: string[], f: FileFix) => {
    const want = `${f.ref.kind}/${f.ref.namespace ?? ''}/${f.ref.name}`;
    const hits = keys.flatMap((k, i) => (k === want ? [i] : []));
    return hits.reduce((best, i) => (Math.abs(i - (f.doc ?? 0)) < Math.abs(best - (f.doc ?? 0)) ? i : best), hits[0]!);
  };
  for (const f of fixes)
    for (const op of f.ops) {
      if (f.itemPath) throw new Error('List items are not expected in these manifests');
      const doc = docs[find(refs, f)]!;
      const otherDoc = otherDocs[find(otherRefs, f)]!;
      const full: JsonPath = [...(f.itemPath ?? []), ...op.path];
      // the shortest prefix missing from the other text: what the fix created (or removed) as a whole
      let n = 1;
      while (n < full.length && otherDoc.hasIn(full.slice(0, n))) n++;
      const path = full.slice(0, n);
      const node = doc.getIn(path, true) as Node | undefined;
      const parent = doc.getIn(path.slice(0, -1), true) as Node | undefined;
      const [from, to] = node?.range ?? parent?.range ?? [0, 0];
      for (let l = line(parentKeyOffset(parent, path.at(-1)) ?? from); l <= line(Math.max(from, to - 1)); l++)
        lines.add(l);
    }
  return lines;
}

const refKey = (d: Document): string => {
  const v = d.toJS() as { kind?: string; metadata?: { name?: string; namespace?: string } } | null;
  return `${v?.kind}/${v?.metadata?.namespace ?? ''}/${v?.metadata?.name}`;
};

/** Offset of the key of `key` in a map node (its value may start on a later line). */
function parentKeyOffset(parent: Node | undefined, key: string | number | undefined): number | undefined {
  const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number] } }[] } | undefined)?.items;
  const pair = items?.find((p) => p.key && String(p.key.value) === String(key));
  return pair?.key?.range?.[0];
}

/** Lines of `after` added and lines of `before` removed that no fix accounts for. */
function strayLines(before: string, after: string, applied: readonly FileFix[]): string[] {
  const inAfter = fixLines(after, applied, before);
  const inBefore = fixLines(before, applied, after);
  const stray: string[] = [];
  let a = 0;
  let b = 0;
  for (const part of diffArrays(before.split('\n'), after.split('\n'))) {
    part.value.forEach((text, k) => {
      if (part.added && !inAfter.has(a + k + 1)) stray.push(`+${a + k + 1}: ${text}`);
      if (part.removed && !inBefore.has(b + k + 1)) stray.push(`-${b + k + 1}: ${text}`);
    });
    if (!part.added) b += part.value.length;
    if (!part.removed) a += part.value.length;
  }
  return stray;
}

describe.skipIf(!existsSync(DATA))('kubetune fix changes only the lines of its fixes (real manifests)', () => {
  const files = yamlFiles(DATA).sort((x, y) => statSync(y).size - statSync(x).size);
  const install = join(work, 'install.yaml');
  writeFileSync(install, files.map((f) => readFileSync(f, 'utf8').replace(/\n*$/, '\n')).join('---\n'));

  it('the largest files with fixes, and all of them as one install manifest', { timeout: 600_000 }, async () => {
    expect(readFileSync(install, 'utf8').split('\n').length).toBeGreaterThan(20_000);
    const audit = await auditFiles([install, ...files], {});
    const byFile = new Map<string, Finding[]>();
    for (const f of audit.report.findings)
      if (f.fix?.length && f.source) byFile.set(f.source.file, [...(byFile.get(f.source.file) ?? []), f]);
    const checked = [install, ...files.filter((f) => byFile.has(f)).slice(0, 10)];
    expect(checked.length).toBe(11);
    for (const file of checked) {
      const text = readFileSync(file, 'utf8');
      const r = patchFileText(file, text, byFile.get(file)!.map(toFileFix));
      expect(r.applied.length, file).toBeGreaterThan(0);
      expect(strayLines(text, r.text, r.applied), file).toEqual([]);
    }
  });
});
