import { describe, expect, it } from 'vitest';
import { JsonSplitter, nestingExceeds, type JsonPiece } from './json-stream.js';

/** Splits `text` fed in chunks cut at `cuts`; returns the pieces with their values parsed. */
function split(text: string, cuts: readonly number[] = []): { pieces: JsonPiece[]; values: unknown[]; ended: boolean } {
  const pieces: JsonPiece[] = [];
  const s = new JsonSplitter((p) => pieces.push(p));
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  for (const c of [...cuts, bytes.length]) {
    s.push(bytes.subarray(at, c));
    at = c;
  }
  const ended = s.end();
  return { pieces, values: pieces.map((p) => p.value ?? JSON.parse(p.text)), ended };
}

/** kubectl's layout: 4-space indentation, items nested two levels deep. */
const kubectlList = (items: readonly unknown[]): string =>
  `{\n    "apiVersion": "v1",\n    "items": [\n${items
    .map((o) => '        ' + JSON.stringify(o, null, 4).replace(/\n/g, '\n        '))
    .join(',\n')}\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n`;

/** 1-based lines holding only an item's opening brace at kubectl's item indentation. */
const itemLines = (text: string): number[] => text.split('\n').flatMap((l, i) => (l === '        {' ? [i + 1] : []));

const ITEMS = [
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'a' },
    data: { 'x.json': '{\n        }\n"quoted" \\ back\\' },
  },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', labels: { 'é€𝄞': '}]' } }, spec: { containers: [] } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'c' }, stringData: { k: '\\"}' } },
];

describe('JsonSplitter', () => {
  it('splits a kubectl List into its items with their lines, however the input is chunked', () => {
    const text = kubectlList(ITEMS);
    const bytes = Buffer.byteLength(text);
    for (let cut = 0; cut <= bytes; cut += 7) {
      const { pieces, values, ended } = split(text, [cut, Math.min(bytes, cut + 13)]);
      expect(values).toEqual(ITEMS);
      expect(ended).toBe(true);
      expect(pieces.map((p) => p.item)).toEqual([0, 1, 2]);
      expect(pieces.map((p) => p.line)).toEqual(itemLines(text));
    }
  });

  it('parses kubectl-formatted items on the fast path', () => {
    expect(itemLines(kubectlList(ITEMS))).toHaveLength(3);
    expect(split(kubectlList(ITEMS)).pieces.every((p) => p.value !== undefined)).toBe(true);
  });

  it('splits compact Lists and top-level arrays', () => {
    const compact = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: ITEMS });
    expect(split(compact, [5, 40]).values).toEqual(ITEMS);
    expect(split(JSON.stringify(ITEMS, null, 2)).values).toEqual(ITEMS);
    expect(split(JSON.stringify(ITEMS)).pieces.map((p) => p.line)).toEqual([1, 1, 1]);
  });

  it('falls back to scanning when a closing line at the item indentation is not the item end', () => {
    const text = '{\n "items": [\n  {\n   "a": {\n  },\n   "b": [\n  ]\n  },\n  {\n   "c": 1\n  }\n ]\n}\n';
    const { pieces, values } = split(text);
    expect(values).toEqual([{ a: {}, b: [] }, { c: 1 }]);
    expect(pieces.map((p) => p.line)).toEqual([3, 9]);
  });

  it('hands malformed items to the caller as text, with the line they start on', () => {
    const text = kubectlList([{ a: 1 }, { b: 2 }, { c: 3 }]).replace('"b": 2', '"b": 2,,');
    const pieces: JsonPiece[] = [];
    new JsonSplitter((p) => pieces.push(p)).push(Buffer.from(text));
    expect(pieces).toHaveLength(3);
    expect(pieces[1]!.value).toBeUndefined();
    expect(() => JSON.parse(pieces[1]!.text)).toThrow();
    expect(pieces.map((p) => p.line)).toEqual([4, 7, 10]);
  });

  it('flags items nested deeper than the limit, on both paths', () => {
    const deep = { deep: JSON.parse('['.repeat(200) + ']'.repeat(200)) as unknown };
    const pretty = split(kubectlList([{ a: 1 }, deep]));
    expect(pretty.pieces.map((p) => p.tooDeep ?? false)).toEqual([false, true]);
    const compact = split(JSON.stringify({ kind: 'List', items: [{ a: 1 }, deep] }));
    expect(compact.pieces.map((p) => p.tooDeep ?? false)).toEqual([false, true]);
  });

  it('reports an input cut short', () => {
    const text = kubectlList(ITEMS);
    expect(split(text.slice(0, text.length - 20)).ended).toBe(false);
  });
});

describe('nestingExceeds', () => {
  it('counts nesting outside strings only', () => {
    expect(nestingExceeds(JSON.stringify({ s: '['.repeat(300) }), 128)).toBe(false);
    expect(nestingExceeds(JSON.stringify(Array.from({ length: 300 }, () => ({}))), 128)).toBe(false);
    expect(nestingExceeds('['.repeat(129) + ']'.repeat(129), 128)).toBe(true);
    expect(nestingExceeds('['.repeat(128) + ']'.repeat(128), 128)).toBe(false);
  });
});

describe('JsonSplitter on items not laid out like kubectl', () => {
  it('splits items whose closer is not alone on its line (one item per line), also at the end of the input', () => {
    const text = '{"items": [\n  {"a": 1},\n  {\n    "b": 2},\n  {"c": [\n    3]}\n]}';
    const r = split(text);
    expect(r.values).toEqual([{ a: 1 }, { b: 2 }, { c: [3] }]);
    expect(r.pieces.map((p) => p.line)).toEqual([2, 3, 5]);
    expect(r.ended).toBe(true);
    const cut = split('{"items": [\n  {"a": 1},\n  {"b": [\n');
    expect(cut.values).toEqual([{ a: 1 }]);
    expect(cut.ended).toBe(false);
  });
});
