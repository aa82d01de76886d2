/**
 * Streaming splitter for large JSON inputs such as `kubectl get -o json` Lists (which can exceed V8's
 * maximum string length). Never holds the whole input: it keeps a window of the bytes not yet consumed
 * (at most the current item plus one chunk), tracks strings, depth and lines, and hands out each List item
 * (or each top-level array element) as its own text.
 *
 * Fast path for pretty-printed input (kubectl's format): an item whose opening brace starts its line ends at
 * the first following line holding only the matching closer at the same indentation, which one native
 * `indexOf` finds without visiting the bytes in between. The candidate is confirmed by parsing it: a text
 * that starts at the item's `{` and parses as one JSON value ends exactly where that item ends (JSON values are
 * prefix-free), so a wrong guess can only fail to parse, and then the item is scanned byte by byte instead.
 */
export interface JsonPiece {
  readonly text: string;
  /** 1-based line of the value's first byte. */
  readonly line: number;
  /** Index in the List's items, or undefined for a top-level value. */
  readonly item?: number;
  /** Set when the value nests deeper than the splitter's limit: it is not parsed. */
  readonly tooDeep?: boolean;
  /** The parsed value, when the splitter already parsed the text (fast path); otherwise the caller parses. */
  readonly value?: unknown;
}

import { isAscii } from 'node:buffer';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NL = 0x0a;
const SPACE = 0x20;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const EMPTY = Buffer.alloc(0);

type Mode = 'top' | 'items';

/**
 * Splits a JSON byte stream. Top-level objects that hold an `items` array (List, *List) are split into
 * their items; top-level arrays into their elements; other top-level values are left to the caller.
 */
export class JsonSplitter {
  /** Window of unconsumed input: bytes [0, len) of buf; `owned` when buf may be written to. */
  private buf: Buffer = EMPTY;
  private len = 0;
  private owned = false;
  /** Next byte to scan. */
  private pos = 0;
  private depth = 0;
  private inString = false;
  private trailingBackslashes = 0;
  private line = 1;
  /** Whether only spaces were seen since the last newline, and how many bytes. */
  private blankLine = true;
  private column = 0;
  private capturing = false;
  private captureDepth = 0;
  private captureStart = 0;
  private captureLine = 1;
  /** Fast path: the closing line searched for, and where to resume the search. */
  private needle: Buffer | undefined;
  private searchFrom = 0;
  /** Capture start (in the window) where the fast path failed: scan that item byte by byte. */
  private slowAt = -1;
  private itemIndex = 0;
  private mode: Mode = 'top';
  /** Start (in the window) of the string key being read at depth 1 of a top-level object, or -1. */
  private keyStart = -1;
  private pendingKey: string | undefined;
  private topIsArray = false;
  private itemsDepth = -1;
  private deepest = 0;
  private readonly needles = new Map<number, Buffer>();

  /** Deepest nesting seen in the whole input. */
  get maxDepth(): number {
    return this.deepest;
  }

  constructor(
    private readonly emit: (piece: JsonPiece) => void,
    private readonly maxPieceBytes = 256 * 1024 * 1024,
    private readonly maxNesting = 128,
  ) {}

  push(chunk: Buffer): void {
    this.append(chunk);
    for (;;) {
      if (this.needle) {
        if (!this.fastCapture()) break;
        continue;
      }
      if (!this.scan()) break;
    }
    if (this.capturing && this.len - this.captureStart > this.maxPieceBytes)
      throw new RangeError(`a JSON value is larger than ${this.maxPieceBytes} bytes`);
  }

  /** Called at end of input; returns true when the input ended cleanly. */
  end(): boolean {
    // Still looking for a closing line that never came (the item's closer is not alone on its line): scan the
    // item byte by byte instead.
    while (this.needle) {
      this.scanBytesFromCapture();
      while (this.needle ? this.fastCapture() : this.scan());
    }
    return this.depth === 0 && !this.inString;
  }

  /** Where the input stands: the first line of an unfinished item, else the current line. */
  get currentLine(): number {
    return this.capturing ? this.captureLine : this.line;
  }

  /** Appends a chunk to the window, dropping what was consumed. */
  private append(chunk: Buffer): void {
    const keep = this.capturing ? this.captureStart : this.keyStart >= 0 ? this.keyStart : this.pos;
    const rest = this.len - keep;
    if (rest === 0) {
      this.buf = chunk; // borrowed: scanned in place, copied only if an item straddles it
      this.owned = false;
      this.len = chunk.length;
    } else {
      const need = rest + chunk.length;
      if (this.owned && need <= this.buf.length) this.buf.copyWithin(0, keep, this.len);
      else {
        const next = Buffer.allocUnsafe(Math.max(need, this.owned ? this.buf.length * 2 : need * 2));
        this.buf.copy(next, 0, keep, this.len);
        this.buf = next;
        this.owned = true;
      }
      chunk.copy(this.buf, rest);
      this.len = need;
    }
    this.pos -= keep;
    this.captureStart -= keep;
    this.searchFrom -= keep;
    if (this.slowAt >= 0) this.slowAt -= keep;
    if (this.keyStart >= 0) this.keyStart -= keep;
  }

  /** Fast path: finds the closing line; returns false when more input is needed. */
  private fastCapture(): boolean {
    const needle = this.needle!;
    const idx = this.findLine(needle);
    if (idx === -1) {
      this.searchFrom = Math.max(this.captureStart, this.len - needle.length + 1);
      return false;
    }
    const end = idx + needle.length;
    const text = decode(this.buf, this.captureStart, end);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Not the item's end after all (or a malformed item): scan this item byte by byte.
      this.scanBytesFromCapture();
      return true;
    }
    this.needle = undefined;
    this.capturing = false;
    this.line += countOf(text, '\n');
    this.pos = end;
    this.blankLine = false;
    this.column = needle.length - 1;
    const tooDeep = nestingExceeds(text, this.maxNesting);
    this.send(text, tooDeep, tooDeep ? undefined : value);
    return true;
  }

  /** Gives up the fast path for the item being captured: it is scanned again from its first byte, byte by byte. */
  private scanBytesFromCapture(): void {
    this.needle = undefined;
    this.slowAt = this.captureStart;
    this.pos = this.captureStart;
    this.capturing = false;
    this.depth = this.captureDepth;
    this.deepest = this.depth;
    this.line = this.captureLine;
    this.inString = false;
    this.blankLine = true;
  }

  /** Byte-by-byte scan from `pos`; returns true when it switched to the fast path, false at the end of the window. */
  private scan(): boolean {
    const buf = this.buf;
    const n = this.len;
    let i = this.pos;
    while (i < n) {
      if (this.inString) {
        let j = buf.indexOf(QUOTE, i);
        if (j >= n) j = -1;
        if (j === -1) {
          this.trailingBackslashes = countTrailing(buf, n, i, this.trailingBackslashes);
          i = n;
          break;
        }
        const run = countTrailing(buf, j, i, this.trailingBackslashes);
        this.trailingBackslashes = 0;
        i = j + 1;
        if (run % 2 === 1) continue;
        this.inString = false;
        if (this.keyStart >= 0) {
          this.pendingKey = buf.toString('utf8', this.keyStart, j);
          this.keyStart = -1;
        }
        continue;
      }
      const c = buf[i]!;
      if (c === NL) {
        this.line++;
        this.blankLine = true;
        this.column = 0;
        i++;
        continue;
      }
      const atLineStart = this.blankLine;
      const column = this.column;
      if (c !== SPACE) this.blankLine = false;
      this.column++;
      switch (c) {
        case QUOTE:
          this.inString = true;
          this.trailingBackslashes = 0;
          if (this.mode === 'top' && !this.capturing && this.depth === 1 && !this.topIsArray) this.keyStart = i + 1;
          break;
        case OPEN_OBJ:
        case OPEN_ARR:
          if (!this.capturing && this.shouldCapture(c)) {
            this.capturing = true;
            this.captureDepth = this.depth;
            this.captureLine = this.line;
            this.captureStart = i;
            // The fast path is for an opening bracket alone on its line (kubectl's layout): an item written on one
            // line has no closing line to find.
            if (atLineStart && i !== this.slowAt && aloneOnLine(buf, i + 1, n)) {
              this.needle = this.needleFor(column, c === OPEN_OBJ ? CLOSE_OBJ : CLOSE_ARR);
              this.searchFrom = i;
              this.pos = i + 1;
              return true;
            }
          } else if (!this.capturing && this.depth === 1 && c === OPEN_ARR && this.pendingKey === 'items') {
            this.mode = 'items';
            this.itemsDepth = this.depth + 1;
          } else if (!this.capturing && this.depth === 0) {
            this.topIsArray = c === OPEN_ARR;
          }
          this.depth++;
          if (this.depth > this.deepest) this.deepest = this.depth;
          break;
        case CLOSE_OBJ:
        case CLOSE_ARR:
          this.depth--;
          if (this.mode === 'items' && !this.capturing && this.depth === this.itemsDepth - 1) this.mode = 'top';
          if (this.capturing && this.depth === this.captureDepth) {
            this.capturing = false;
            this.pos = i + 1;
            const tooDeep = this.deepest - this.captureDepth > this.maxNesting;
            this.send(decode(buf, this.captureStart, i + 1), tooDeep, undefined);
            return this.pos < n;
          }
          if (this.depth === 0) {
            this.topIsArray = false;
            this.pendingKey = undefined;
          }
          break;
        default:
          break;
      }
      i++;
    }
    this.pos = i;
    return false;
  }

  /**
   * Start of the first line in the window (from `searchFrom`) equal to `needle` (newline, indentation, closer):
   * found through its rarest byte, the closer, which a native memchr skips to.
   */
  private findLine(needle: Buffer): number {
    const buf = this.buf;
    const closer = needle[needle.length - 1]!;
    const indent = needle.length - 2;
    for (
      let k = buf.indexOf(closer, this.searchFrom + indent + 1);
      k !== -1 && k < this.len;
      k = buf.indexOf(closer, k + 1)
    ) {
      const start = k - indent - 1;
      if (buf[start] !== NL) continue;
      let j = k - 1;
      while (j > start && buf[j] === SPACE) j--;
      if (j === start) return start;
    }
    return -1;
  }

  private send(text: string, tooDeep: boolean, value: unknown): void {
    this.deepest = this.depth;
    this.emit({
      text,
      line: this.captureLine,
      ...(this.mode === 'items' || this.topIsArray ? { item: this.itemIndex++ } : {}),
      ...(tooDeep ? { tooDeep } : {}),
      ...(value !== undefined ? { value } : {}),
    });
  }

  private needleFor(column: number, closer: number): Buffer {
    const key = column * 256 + closer;
    let needle = this.needles.get(key);
    if (!needle) {
      needle = Buffer.alloc(column + 2, SPACE);
      needle[0] = NL;
      needle[column + 1] = closer;
      this.needles.set(key, needle);
    }
    return needle;
  }

  private shouldCapture(c: number): boolean {
    if (this.mode === 'items') return this.depth === this.itemsDepth && c === OPEN_OBJ;
    if (this.depth === 0) return false; // a top-level object that is not a List is left to the caller
    return this.topIsArray && this.depth === 1;
  }
}

/** Whether only blanks follow `from` up to the end of its line (false when the window ends first). */
function aloneOnLine(buf: Buffer, from: number, n: number): boolean {
  for (let i = from; i < n; i++) {
    const c = buf[i]!;
    if (c === NL) return true;
    if (c !== SPACE && c !== 0x0d && c !== 0x09) return false;
  }
  return false;
}

/** UTF-8 text of bytes [start, end): pure ASCII (the common case) decodes several times faster as latin1. */
function decode(buf: Buffer, start: number, end: number): string {
  return isAscii(buf.subarray(start, end)) ? buf.toString('latin1', start, end) : buf.toString('utf8', start, end);
}

function countTrailing(buf: Buffer, end: number, start: number, carried: number): number {
  let k = end - 1;
  let run = 0;
  while (k >= start && buf[k] === BACKSLASH) {
    run++;
    k--;
  }
  return k < start ? run + carried : run;
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * Whether a JSON text nests deeper than `max`. Cheap bound first (fewer opening brackets than `max` cannot
 * nest that deep, which settles almost every object); otherwise one scan that skips strings.
 */
export function nestingExceeds(text: string, max: number): boolean {
  if (countOf(text, '{') + countOf(text, '[') <= max) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_OBJ || c === OPEN_ARR) {
      if (++depth > max) return true;
    } else if (c === CLOSE_OBJ || c === CLOSE_ARR) depth--;
  }
  return false;
}
