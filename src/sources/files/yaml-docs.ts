import yaml from 'js-yaml';

/** A YAML document's text and the 1-based line where it starts in its file. */
export interface YamlDoc {
  readonly text: string;
  readonly line: number;
  readonly index: number;
}

const SEPARATOR = /^(?:---|\.\.\.)(?:[ \t].*)?$/;

/**
 * Splits a YAML stream into documents line by line without holding the whole input.
 * Feed string chunks; complete documents are emitted as soon as their end marker is seen.
 */
export class YamlDocSplitter {
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
    if (SEPARATOR.test(l)) {
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

export interface SafeLoadLimits {
  readonly maxNodes: number;
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: SafeLoadLimits = { maxNodes: 2_000_000, maxDepth: 128 };

export class UnsafeDocumentError extends Error {}

/**
 * Loads one YAML document (js-yaml, YAML 1.2 core schema: no implicit dates) and rejects alias bombs,
 * cycles and excessive depth by measuring the expanded tree over the shared nodes (memoised, so cheap).
 */
export function loadYaml(text: string, filename: string, limits: SafeLoadLimits = DEFAULT_LIMITS): unknown {
  const value = yaml.load(text, { filename, schema: yaml.CORE_SCHEMA });
  checkExpandedSize(value, limits);
  return value;
}

export function checkExpandedSize(root: unknown, limits: SafeLoadLimits): void {
  const sizes = new Map<object, number>();
  const visiting = new Set<object>();
  const walk = (v: unknown, depth: number): number => {
    if (v === null || typeof v !== 'object') return 1;
    if (depth > limits.maxDepth) throw new UnsafeDocumentError(`nesting deeper than ${limits.maxDepth} levels`);
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (visiting.has(v)) throw new UnsafeDocumentError('the document refers to itself through an alias (cycle)');
    visiting.add(v);
    let total = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      total += walk(child, depth + 1);
      if (total > limits.maxNodes)
        throw new UnsafeDocumentError(`expands to more than ${limits.maxNodes} nodes (alias bomb?)`);
    }
    visiting.delete(v);
    sizes.set(v, total);
    return total;
  };
  walk(root, 0);
}

/**
 * Lines of a YAML `List`'s items: the line of each `- ` entry directly under a top-level `items:` key.
 * Heuristic on text (js-yaml keeps no positions); callers fall back to the document line.
 */
export function listItemLines(text: string, docLine: number): number[] {
  const lines = text.split('\n');
  const out: number[] = [];
  let inItems = false;
  let indent = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!inItems) {
      if (/^items:\s*(#.*)?$/.test(l)) inItems = true;
      continue;
    }
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    const m = /^(\s*)-(\s|$)/.exec(l);
    const lead = /^\s*/.exec(l)![0].length;
    if (indent === -1 && m) indent = m[1]!.length;
    if (m && m[1]!.length === indent) out.push(docLine + i);
    else if (lead === 0 && !m) break;
  }
  return out;
}
