/**
 * Streaming splitter for large JSON inputs such as `kubectl get -o json` Lists (which can exceed V8's
 * maximum string length). Never holds the whole input: it scans bytes, tracks strings, depth and lines,
 * and hands out each List item (or each top-level value) as its own slice for JSON.parse.
 */
export interface JsonPiece {
  readonly text: string;
  /** 1-based line of the value's first byte. */
  readonly line: number;
  /** Index in the List's items, or undefined for a top-level value. */
  readonly item?: number;
  /** Set when the value nests deeper than the splitter's limit: it is not parsed. */
  readonly tooDeep?: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NL = 0x0a;
const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;

type Mode = 'top' | 'items';

/**
 * Splits a JSON byte stream. Top-level objects that hold an `items` array (List, *List) are split into
 * their items; other top-level values (including top-level arrays' elements) are emitted whole.
 */
export class JsonSplitter {
  private depth = 0;
  private inString = false;
  private trailingBackslashes = 0;
  private line = 1;
  private parts: Buffer[] = [];
  private capturing = false;
  private captureDepth = 0;
  private captureLine = 1;
  private itemIndex = 0;
  private mode: Mode = 'top';
  /** Last string key seen at depth 1 of a top-level object. */
  private lastKeyStart = -1;
  private keyParts: Buffer[] = [];
  private pendingKey: string | undefined;
  private topIsArray = false;
  private itemsDepth = -1;
  private deepest = 0;
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
    let i = 0;
    const n = chunk.length;
    let captureStart = this.capturing ? 0 : -1;
    while (i < n) {
      if (this.inString) {
        const j = chunk.indexOf(QUOTE, i);
        if (j === -1) {
          this.trailingBackslashes = countTrailing(chunk, n, i, this.trailingBackslashes);
          if (this.lastKeyStart >= 0) this.keyParts.push(chunk.subarray(this.lastKeyStart));
          this.lastKeyStart = this.lastKeyStart >= 0 ? 0 : -1;
          i = n;
          break;
        }
        const run = countTrailing(chunk, j, i, this.trailingBackslashes);
        this.trailingBackslashes = 0;
        i = j + 1;
        if (run % 2 === 1) continue;
        this.inString = false;
        if (this.lastKeyStart >= 0) {
          this.keyParts.push(chunk.subarray(this.lastKeyStart, j));
          this.pendingKey = Buffer.concat(this.keyParts).toString('utf8');
          this.keyParts = [];
          this.lastKeyStart = -1;
        }
        continue;
      }
      const c = chunk[i]!;
      switch (c) {
        case QUOTE:
          this.inString = true;
          this.trailingBackslashes = 0;
          if (this.mode === 'top' && !this.capturing && this.depth === 1 && !this.topIsArray) {
            this.lastKeyStart = i + 1;
            this.keyParts = [];
          }
          break;
        case NL:
          this.line++;
          break;
        case OPEN_OBJ:
        case OPEN_ARR:
          if (!this.capturing && this.shouldCapture(c)) {
            this.capturing = true;
            this.captureDepth = this.depth;
            this.captureLine = this.line;
            captureStart = i;
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
            this.parts.push(chunk.subarray(captureStart, i + 1));
            this.flush();
            captureStart = -1;
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
    if (this.capturing && captureStart >= 0) {
      this.parts.push(chunk.subarray(captureStart));
      if (this.bytesCaptured() > this.maxPieceBytes)
        throw new RangeError(`a JSON value is larger than ${this.maxPieceBytes} bytes`);
    }
  }

  /** Called at end of input; returns true when the input ended cleanly. */
  end(): boolean {
    return this.depth === 0 && !this.inString;
  }

  get currentLine(): number {
    return this.line;
  }

  private shouldCapture(c: number): boolean {
    if (this.mode === 'items') return this.depth === this.itemsDepth && c === OPEN_OBJ;
    if (this.depth === 0) return false; // decide after seeing keys; top-level objects captured below
    return this.topIsArray && this.depth === 1;
  }

  private bytesCaptured(): number {
    let s = 0;
    for (const p of this.parts) s += p.length;
    return s;
  }

  private flush(): void {
    const text = this.parts.length === 1 ? this.parts[0]!.toString('utf8') : Buffer.concat(this.parts).toString('utf8');
    this.parts = [];
    this.capturing = false;
    const tooDeep = this.deepest - this.captureDepth > this.maxNesting;
    this.deepest = this.depth;
    const piece: JsonPiece = {
      text,
      line: this.captureLine,
      ...(this.mode === 'items' || this.topIsArray ? { item: this.itemIndex++ } : {}),
      ...(tooDeep ? { tooDeep } : {}),
    };
    this.emit(piece);
  }
}

function countTrailing(chunk: Buffer, end: number, start: number, carried: number): number {
  let k = end - 1;
  let run = 0;
  while (k >= start && chunk[k] === BACKSLASH) {
    run++;
    k--;
  }
  return k < start ? run + carried : run;
}
