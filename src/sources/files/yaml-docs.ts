/** A YAML document's text and the 1-based line where it starts in its file. */
export interface YamlDoc {
  readonly text: string;
  readonly line: number;
  readonly index: number;
}

const SEPARATOR = /^(?:---|\.\.\.)(?:[ \t].*)?$/;
/** A line holding something other than blanks or a comment. */
const CONTENT_LINE = /^[^\S\n]*[^\s#]/m;

/**
 * Splits a YAML stream into documents without holding the whole input. Feed string chunks; complete
 * documents are emitted as soon as their end marker is seen. Separator lines (`---`, `...`) are found with
 * native string search, and each document is sliced out whole rather than rebuilt line by line.
 */
export class YamlDocSplitter {
  /** Complete lines of the current document (each ending with a newline). */
  private parts: string[] = [];
  private partsLength = 0;
  /** Pieces of the current, unfinished line. */
  private tail: string[] = [];
  private tailLength = 0;
  /** Line number of the first line of `tail`. */
  private lineNo = 1;
  private docStart = 1;
  private index = 0;
  /** The current document is over the size limit: discard it up to the next separator. */
  private skipping = false;
  /** The start of the current line was discarded (a line longer than the limit). */
  private droppedLine = false;

  constructor(
    private readonly emit: (doc: YamlDoc) => void,
    private readonly onOversize: (line: number) => void,
    private readonly maxDocBytes = 64 * 1024 * 1024,
  ) {}

  /** Line of the start of the next pushed text (the unfinished line). */
  get currentLine(): number {
    return this.lineNo;
  }

  push(chunk: string): void {
    if (chunk.indexOf('\n') === -1) {
      // No line ends here: keep the piece (or drop it while discarding an over-long line) without re-joining.
      if (this.droppedLine) return;
      this.tail.push(chunk);
      this.tailLength += chunk.length;
      if (this.tailLength > this.maxDocBytes) this.dropLine();
      return;
    }
    const text = this.tail.length > 0 ? this.tail.join('') + chunk : chunk;
    this.tail = [];
    this.tailLength = 0;
    let segStart = 0;
    let line = this.lineNo;
    let from = 0;
    if (this.droppedLine) {
      const nl = text.indexOf('\n');
      if (nl === -1) return; // still inside the over-long line
      this.droppedLine = false;
      segStart = from = nl + 1;
      line++;
    } else if (isSeparatorAt(text, 0)) {
      segStart = this.separator(text, 0, 0, line);
      line++;
      from = segStart;
    }
    const candidates = new Candidates(text);
    for (let p = candidates.next(Math.max(0, from - 1)); p !== -1; p = candidates.next(p)) {
      if (!isSeparatorAt(text, p)) continue;
      line += countNewlines(text, segStart, p);
      segStart = this.separator(text, segStart, p, line);
      line++;
    }
    const lastNl = text.lastIndexOf('\n');
    if (lastNl >= segStart) {
      line += countNewlines(text, segStart, lastNl + 1);
      this.addLines(text.slice(segStart, lastNl + 1));
      segStart = lastNl + 1;
    }
    this.lineNo = line;
    if (segStart < text.length) {
      this.tail = [text.slice(segStart)];
      this.tailLength = text.length - segStart;
      if (this.tailLength > this.maxDocBytes) this.dropLine();
    }
  }

  end(): void {
    const last = this.tail.join('');
    if (!this.droppedLine && last.length > 0) {
      if (isSeparatorAt(last, 0, true)) this.separator(last, 0, 0, this.lineNo);
      else this.addLines(last, 1); // counted with the newline it lacks, as every other line
    }
    this.droppedLine = false;
    this.tail = [];
    this.tailLength = 0;
    this.flush();
  }

  /** One line longer than a document may be: drop it (and the document it is in). */
  private dropLine(): void {
    if (!this.skipping) this.overflow();
    this.tail = [];
    this.tailLength = 0;
    this.droppedLine = true;
  }

  /** Ends the document at the separator line starting at `p`; returns where the next document starts. */
  private separator(text: string, segStart: number, p: number, line: number): number {
    if (p > segStart) this.addLines(text.slice(segStart, p));
    this.flush();
    this.docStart = line + 1;
    const nl = text.indexOf('\n', p);
    return nl === -1 ? text.length : nl + 1;
  }

  private addLines(lines: string, extra = 0): void {
    if (this.skipping) return;
    this.parts.push(lines);
    this.partsLength += lines.length + extra;
    if (this.partsLength > this.maxDocBytes) this.overflow();
  }

  private overflow(): void {
    this.onOversize(this.docStart);
    this.parts = [];
    this.partsLength = 0;
    this.skipping = true;
  }

  private flush(): void {
    const had = this.skipping || this.partsLength > 0;
    if (!this.skipping && this.partsLength > 0) {
      let text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
      if (text.endsWith('\n')) text = text.slice(0, -1);
      if (text.includes('\r')) text = text.replace(/\r\n/g, '\n').replace(/\r$/, '');
      if (CONTENT_LINE.test(text)) this.emit({ text, line: this.docStart, index: this.index });
    }
    if (had) this.index++;
    this.parts = [];
    this.partsLength = 0;
    this.skipping = false;
  }
}

/**
 * Starts of the lines of `text` that begin like a separator (`---` or `...`), in order. Each pattern's next
 * position is remembered, so a pattern that never occurs (`...` in most files) is searched once, not per document.
 */
class Candidates {
  private dash = -2;
  private dots = -2;
  constructor(private readonly text: string) {}

  /** First candidate line start whose preceding newline is at or after `from`, or -1. */
  next(from: number): number {
    if (this.dash !== -1 && this.dash < from) this.dash = this.text.indexOf('\n---', from);
    if (this.dots !== -1 && this.dots < from) this.dots = this.text.indexOf('\n...', from);
    const at = this.dash === -1 ? this.dots : this.dots === -1 ? this.dash : Math.min(this.dash, this.dots);
    return at === -1 ? -1 : at + 1;
  }
}

/** Whether the line starting at `p` is a document separator (an unfinished line only at the end of input). */
function isSeparatorAt(text: string, p: number, atEnd = false): boolean {
  const c = text.charCodeAt(p);
  if (c !== 0x2d && c !== 0x2e) return false;
  let nl = text.indexOf('\n', p);
  if (nl === -1 && !atEnd) return false;
  if (nl === -1) nl = text.length;
  const line = text.slice(p, text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl);
  return SEPARATOR.test(line);
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
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
