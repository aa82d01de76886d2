import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { YamlDocSplitter, type YamlDoc } from './yaml-docs.js';
import { checkExpandedSize, checkTreeSize, loadYaml, UnsafeDocumentError } from './yaml-load.js';

/**
 * The line-by-line splitter this one replaced (slow: a string per line), kept as the reference the fast one
 * must agree with on every input and every chunking.
 */
const REF_SEPARATOR = /^(?:---|\.\.\.)(?:[ \t].*)?$/;

class LineSplitter {
  private lines: string[] = [];
  private docStart = 1;
  private lineNo = 0;
  private index = 0;
  private docBytes = 0;

  constructor(
    private readonly emit: (doc: YamlDoc) => void,
    private readonly onOversize: (line: number) => void,
    private readonly maxDocBytes = 64 * 1024 * 1024,
  ) {}

  push(chunk: string): void {
    if (chunk.indexOf('\n') === -1) {
      // No line ends here: keep the piece (or drop it while discarding an over-long line) without re-joining.
      if (this.dropLine) return;
      this.parts.push(chunk);
      this.partsLength += chunk.length;
      if (this.partsLength > this.maxDocBytes) {
        this.parts = [];
        this.partsLength = 0;
        this.dropLine = true;
        if (this.docBytes >= 0) this.overflow();
      }
      return;
    }
    const text = this.parts.length > 0 ? this.parts.join('') + chunk : chunk;
    this.parts = [];
    this.partsLength = 0;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      this.line(text.slice(start, nl));
      start = nl + 1;
    }
    if (start < text.length) {
      this.parts.push(text.slice(start));
      this.partsLength = text.length - start;
    }
  }

  /** Pieces of the current, unfinished line. */
  private parts: string[] = [];
  private partsLength = 0;
  /** Set while the rest of an over-long line is being discarded. */
  private dropLine = false;

  end(): void {
    if (this.parts.length > 0 && !this.dropLine) this.line(this.parts.join(''));
    this.parts = [];
    this.flush();
  }

  private line(text: string): void {
    this.lineNo++;
    if (this.dropLine) {
      this.dropLine = false;
      return;
    }
    const l = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (REF_SEPARATOR.test(l)) {
      this.flush();
      this.docStart = this.lineNo + 1;
      return;
    }
    if (this.docBytes < 0) return; // inside an oversized document: skip until the next separator
    this.lines.push(l);
    this.docBytes += l.length + 1;
    if (this.docBytes > this.maxDocBytes) this.overflow();
  }

  private overflow(): void {
    this.onOversize(this.docStart);
    this.lines = [];
    this.docBytes = -1;
  }

  private flush(): void {
    if (this.docBytes >= 0 && this.lines.some((l) => l.trim() !== '' && !l.trimStart().startsWith('#'))) {
      this.emit({ text: this.lines.join('\n'), line: this.docStart, index: this.index });
    }
    if (this.docBytes !== 0 || this.lines.length > 0) this.index++;
    this.lines = [];
    this.docBytes = 0;
  }
}

interface Outcome {
  docs: YamlDoc[];
  oversized: number[];
}

function run(make: (o: Outcome) => { push(s: string): void; end(): void }, chunks: readonly string[]): Outcome {
  const out: Outcome = { docs: [], oversized: [] };
  const s = make(out);
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

const fast = (max: number) => (o: Outcome) =>
  new YamlDocSplitter(
    (d) => o.docs.push(d),
    (l) => o.oversized.push(l),
    max,
  );
const reference = (max: number) => (o: Outcome) =>
  new LineSplitter(
    (d) => o.docs.push(d),
    (l) => o.oversized.push(l),
    max,
  );

const LINES = ['---', '--- # x', '---x', '...', '-- -', ' ---', 'a: 1', 'b: "---"', '# c', '', '  ', '- x', 'k: v\r'];

const cut = (text: string, at: readonly number[]): string[] => {
  const points = [...new Set(at.map((a) => a % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of [...points, text.length]) {
    out.push(text.slice(from, p));
    from = p;
  }
  return out;
};

describe('YamlDocSplitter', () => {
  test.prop(
    [
      fc.array(fc.constantFrom(...LINES), { maxLength: 40 }),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
      fc.array(fc.nat(), { maxLength: 6 }),
    ],
    { numRuns: 400 },
  )('agrees with the line-by-line reference on documents, lines and indexes', (lines, eol, trailing, at) => {
    const text = lines.join(eol) + (trailing ? eol : '');
    expect(run(fast(1000), cut(text, at))).toEqual(run(reference(1000), [text]));
  });

  // The size limit counts each line with one newline byte (CRs included, unlike the reference): LF input only.
  test.prop(
    [
      fc.array(fc.constantFrom(...LINES.filter((l) => !l.includes('\r'))), { maxLength: 40 }),
      fc.boolean(),
      fc.array(fc.nat(), { maxLength: 6 }),
    ],
    { numRuns: 400 },
  )('agrees with the reference on oversized documents and lines', (lines, trailing, at) => {
    const text = lines.join('\n') + (trailing ? '\n' : '');
    expect(run(fast(12), cut(text, at))).toEqual(run(reference(12), [text]));
  });

  it('splits Helm output with comments and empty documents, keeping lines', () => {
    const text = '---\n# Source: a.yaml\nkind: A\n---\n# Source: empty.yaml\n---\n\n---\nkind: B\n...\n';
    expect(run(fast(1000), cut(text, [3, 17, 40])).docs).toEqual([
      { text: '# Source: a.yaml\nkind: A', line: 2, index: 0 },
      { text: 'kind: B', line: 9, index: 3 },
    ]);
  });

  it('drops a line longer than a document may be, without joining its pieces', () => {
    const out = run(fast(10), ['kind: A\n---\nx', 'y'.repeat(20), 'z'.repeat(20), '\nkind: B\n---\nkind: C']);
    expect(out.oversized).toEqual([3]);
    expect(out.docs).toEqual([
      { text: 'kind: A', line: 1, index: 0 },
      { text: 'kind: C', line: 6, index: 2 },
    ]);
  });
});

describe('checkTreeSize', () => {
  const limits = { maxNodes: 50, maxDepth: 5 };
  const nest = (n: number): unknown => (n === 0 ? 'leaf' : { a: [nest(n - 1)] });
  it('applies the same limits as checkExpandedSize to alias-free trees', () => {
    for (const v of [
      nest(1),
      nest(2),
      nest(3),
      nest(4),
      Array.from({ length: 48 }, (_, i) => i),
      { x: Array(60).fill(1) },
    ]) {
      const expected = (() => {
        try {
          checkExpandedSize(v, limits);
          return 'ok';
        } catch (e) {
          return (e as Error).message;
        }
      })();
      if (expected === 'ok') expect(() => checkTreeSize(v, limits)).not.toThrow();
      else expect(() => checkTreeSize(v, limits)).toThrow(expected);
    }
    expect(() => checkTreeSize(nest(4), limits)).toThrow(UnsafeDocumentError);
  });
});

describe('loadYaml', () => {
  it('keeps values equal while detaching long strings from the document', () => {
    const text = 'kind: Pod\nimage: registry.example.com/a/b:1.2.3\nlist:\n  - a-rather-long-string-value\n  - 42\n';
    expect(loadYaml(text, 'f.yaml')).toEqual({
      kind: 'Pod',
      image: 'registry.example.com/a/b:1.2.3',
      list: ['a-rather-long-string-value', 42],
    });
  });

  it('counts string leaves against the node limit', () => {
    expect(() => checkTreeSize(['a', 'b', 'c'], { maxNodes: 3, maxDepth: 5 })).toThrow(UnsafeDocumentError);
    expect(() => checkTreeSize(['a', 'b'], { maxNodes: 3, maxDepth: 5 })).not.toThrow();
  });
});
