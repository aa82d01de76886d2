import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  ITEM_CONTROLLED,
  ITEM_FIELDS,
  ITEM_INVALID,
  ITEM_NON_ASCII,
  ITEM_TOO_DEEP,
  ListScanner,
  UnsplittableJson,
} from './json-scan.js';
import { JsonSplitter } from './json-stream.js';

interface Scanned {
  readonly texts: string[];
  readonly lines: number[];
  readonly flags: number[];
  /** Per item: [header, body key names] when it was split after its metadata. */
  readonly splits: ([string, string[]] | undefined)[];
  readonly ended: boolean;
  readonly line: number;
}

/** Scans `text` fed in chunks cut at `cuts`, taking items after every chunk (as the worker does). */
function scan(text: string | Buffer, cuts: readonly number[] = [], max?: number): Scanned {
  const s = new ListScanner({ ...(max ? { maxItemBytes: max } : {}), check: true });
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const out: Scanned = { texts: [], lines: [], flags: [], splits: [], ended: false, line: 0 };
  const take = () => {
    const got = s.take();
    if (!got) return;
    const buf = Buffer.from(got.bytes);
    const t = got.table;
    for (let i = 0; i < t.length; i += ITEM_FIELDS) {
      out.texts.push(buf.toString('utf8', t[i]!, t[i + 1]!));
      out.lines.push(t[i + 2]!);
      out.flags.push(t[i + 3]!);
      out.splits.push(
        t[i + 4]! < 0 ? undefined : [buf.toString('utf8', t[i]!, t[i + 4]!), got.names.slice(t[i + 5], t[i + 6])],
      );
    }
  };
  let at = 0;
  for (const c of [...cuts, bytes.length]) {
    s.push(bytes.subarray(at, c));
    at = c;
    take();
  }
  return { ...out, ended: s.end(), line: s.currentLine };
}

/** Whether JSON.parse accepts the text (what the grammar check must agree with). */
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** What the main-thread splitter makes of the same text: item values and lines. */
function reference(text: string): { values: unknown[]; lines: number[]; ended: boolean; line: number } {
  const values: unknown[] = [];
  const lines: number[] = [];
  const s = new JsonSplitter((p) => {
    values.push(p.value ?? JSON.parse(p.text));
    lines.push(p.line);
  });
  s.push(Buffer.from(text, 'utf8'));
  return { values, lines, ended: s.end(), line: s.currentLine };
}

const kubectlList = (items: readonly unknown[], indent: string | number = 4): string =>
  JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, indent) + '\n';

// Strings that stress the scanner: quotes, backslashes, brackets, unicode, escaped newlines, long runs (SIMD paths).
const tricky = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('"', '\\', '\\"', '}', ']', '{\n    }', 'é€𝄞', '\u0000\u001f', ' '.repeat(37), 'x'.repeat(70) + '"'),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tricky,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(tricky, tie('v'), { maxKeys: 4 }),
  ),
})).v;
const item = fc.record({
  apiVersion: fc.constant('v1'),
  kind: fc.constantFrom('Pod', 'ConfigMap'),
  metadata: fc.record(
    {
      name: tricky,
      annotations: fc.dictionary(tricky, tricky, { maxKeys: 3 }),
      ownerReferences: fc.constant([{ kind: 'ReplicaSet', name: 'rs', uid: 'u', controller: true }]),
    },
    { requiredKeys: ['name', 'annotations'] },
  ),
  data: value,
});

describe('ListScanner', () => {
  test.prop([
    fc.array(item, { minLength: 1, maxLength: 6 }),
    fc.constantFrom<string | number>(0, 1, 2, 4, '\t'),
    fc.boolean(),
    fc.array(fc.nat(4000), { maxLength: 6 }),
  ])(
    'gives the same items and lines as the main-thread splitter, however indented and chunked',
    (items, indent, bare, cuts) => {
      const text = bare ? JSON.stringify(items, null, indent) : kubectlList(items, indent);
      const bytes = Buffer.byteLength(text);
      const got = scan(
        text,
        [...new Set(cuts.map((c) => c % bytes))].sort((a, b) => a - b),
      );
      const want = reference(text);
      expect(got.texts.map((t) => JSON.parse(t) as unknown)).toEqual(want.values);
      expect(got.lines).toEqual(want.lines);
      expect(got.ended).toBe(true);
      expect(want.ended).toBe(true);
      expect(got.flags.every((f) => (f & ITEM_INVALID) === 0)).toBe(true);
      // Split after metadata: the header parses to the item's keys up to metadata, the names are the keys after it.
      got.splits.forEach((split, i) => {
        const value = want.values[i] as Record<string, unknown>;
        const keys = Object.keys(value);
        // Only what a controller made is split (the rules rarely read past its metadata).
        const owned = 'ownerReferences' in (value['metadata'] as object);
        if (!split) return expect(owned && keys.indexOf('metadata') < keys.length - 1).toBe(false);
        const header = JSON.parse(split[0] + '}') as Record<string, unknown>;
        expect([...Object.keys(header), ...split[1]]).toEqual(keys);
        expect(header['metadata']).toEqual(value['metadata']);
      });
      // Compact: no indentation is left.
      for (const t of got.texts) expect(t).not.toMatch(/\n[ \t]/);
    },
  );

  it('drops indentation and the blanks after { [ : , but not inside strings', () => {
    const text = kubectlList([{ kind: 'Pod', metadata: { name: 'a b', note: ' x : , { ' } }]);
    expect(scan(text).texts).toEqual(['{\n"kind":"Pod",\n"metadata":{\n"name":"a b",\n"note":" x : , { "\n}\n}']);
  });

  it('flags non-ASCII items and items nested deeper than 128 levels', () => {
    const deep = `{"a":${'['.repeat(128)}${']'.repeat(128)}}`;
    const r = scan(`[{"a":"é"}, {"b":"x"}, ${deep}, {"c":${'['.repeat(127)}${']'.repeat(127)}}]`);
    expect(r.flags).toEqual([ITEM_NON_ASCII, 0, ITEM_TOO_DEEP, 0]);
  });

  test.prop([item, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('insert', 'delete', 'replace')], {
    numRuns: 400,
  })('flags an item invalid exactly when JSON.parse rejects it (random one-byte edits)', (one, at, byte, edit) => {
    const owned = { ...one, metadata: { ...one.metadata, ownerReferences: [{ controller: true }] } };
    const text = JSON.stringify(owned, null, 1);
    const k = at % text.length;
    const ch = String.fromCharCode(byte);
    const tail = edit === 'insert' ? text.slice(k) : text.slice(k + 1);
    const mutated = text.slice(0, k) + (edit === 'delete' ? '' : ch) + tail;
    // Only mutations that still leave one balanced object (what the scanner hands over as an item) are of interest.
    let r: Scanned | undefined;
    try {
      r = scan(`[${mutated}]`);
    } catch {
      r = undefined; // not an array of one object any more
    }
    fc.pre(r !== undefined && r.texts.length === 1 && r.ended && r.texts[0]!.includes('"controller":true'));
    expect((r.flags[0]! & ITEM_INVALID) === 0).toBe(parses(r.texts[0]!));
  });

  it('checks the JSON grammar as JSON.parse does: numbers, literals, escapes, control characters, commas', () => {
    const values = [
      '0',
      '-0',
      '-',
      '01',
      '1.',
      '.5',
      '1.5e',
      '1e+',
      '1E-7',
      '-12.5e+3',
      '2e0',
      'tru',
      'true',
      'nul',
      'null',
    ];
    const more = ['falsey', 'false', '"\\x"', '"\\u12G4"', '"\\u12aF"', '"a\tb"', '"\\/"', '[1,]', '[,1]', '[]', '{}'];
    const objects = ['{"a":1,}', '{"a" 1}', '{"a":1 "b":2}', '{"":{"":[]}}', '{1:2}', '{"a":[1,[2,{"b":null}]]}'];
    const texts = [
      ...[...values, ...more].map((v) => `{"controller":true,"v":${v}}`), // only what a controller made is checked
      ...objects.map((o) => `{"controller":true,"o":${o}}`),
    ];
    for (const text of texts) expect((scan(`[${text}]`).flags[0]! & ITEM_INVALID) === 0, text).toBe(parses(text));
  });

  it('keeps a malformed item whole (its parse fails where the original fails) and goes on', () => {
    const c = '"controller": true';
    const text = `{"items": [\n  {${c}, "a": 1 "b": 2},\n  {${c}, "a": "line\nbreak"},\n  {${c}, "ok": true}\n]}`;
    const r = scan(text);
    expect(r.lines).toEqual([2, 3, 5]);
    expect(r.flags).toEqual([ITEM_CONTROLLED | ITEM_INVALID, ITEM_CONTROLLED | ITEM_INVALID, ITEM_CONTROLLED]);
    // What no controller made is not checked here: the main thread parses it whole.
    expect(scan('[{"a": 1 "b": 2}]').flags).toEqual([0]);
    expect(() => JSON.parse(r.texts[0]!)).toThrow();
    expect(() => JSON.parse(r.texts[1]!)).toThrow(); // a raw newline in a string stays invalid
    expect(JSON.parse(r.texts[2]!)).toEqual({ controller: true, ok: true });
    expect(r.ended).toBe(true);
  });

  it('reports a truncated input at the line of the unfinished item, as the main-thread splitter does', () => {
    const text = '{"items": [\n  {"a": 1},\n  {"b": [\n';
    const r = scan(text);
    expect(r.texts).toEqual(['{"a":1}']);
    expect(r.ended).toBe(false);
    expect(r.line).toBe(3);
    expect(reference(text)).toMatchObject({ ended: false, line: 3 });
    expect(scan('{"items": [{"a": 1}\n\n')).toMatchObject({ ended: false, line: 3 });
  });

  it('leaves shapes it does not split like the main thread to the main thread', () => {
    for (const text of [
      '"just a string"',
      '[1, {"a": 1}]',
      '[{"a": 1}, [2]]',
      '{"items": [{"a": 1}]} {"x": 1}',
      '\uFEFF[]',
    ])
      expect(() => scan(text), text).toThrow(UnsplittableJson);
    // An object without items: nothing to split (the caller reads it whole).
    const r = scan('{"apiVersion": "v1", "kind": "Pod", "items": {"not": "an array"}}');
    expect(r.texts).toEqual([]);
    expect(r.ended).toBe(true);
  });

  it('finds the items key among other keys, also after string values named items', () => {
    const r = scan('{"kind": "items", "metadata": {"items": [{"x": 1}]}, "items": [{"y": 2}], "z": [{"w": 3}]}');
    expect(r.texts).toEqual(['{"y":2}']);
  });

  it('fails an item larger than the limit, as the main-thread splitter does', () => {
    expect(() => scan(`[{"a": "${'x'.repeat(5000)}"}]`, [100, 2000], 1000)).toThrow(/larger than 1000 bytes/);
  });

  it('grows its memory for an item larger than its buffers (20 MiB string)', () => {
    const big = 'y'.repeat(20 << 20);
    const r = scan(`[{"a": 1}, {"big": "${big}"}, {"b": 2}]`, [5, 3 << 20, 19 << 20]);
    expect(r.texts.map((t) => t.length)).toEqual([7, (20 << 20) + 10, 7]);
  });
});
