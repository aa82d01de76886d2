/**
 * Splits a large JSON List (`kubectl get -o json`: an object whose `items` array holds the objects) or a top-level
 * array of objects into its items, and hands each one over as compact text: the JSON reader's worker thread runs
 * this while the main thread only parses what it receives (json-read-worker.ts, read.ts). The bytes of the items
 * are scanned by a small WebAssembly module (json-scan.wat: strings, escapes and nesting tracked exactly, whitespace
 * after newlines and `{ [ : ,` dropped, newlines kept, so lines and parse-error lines stay exact); the envelope around
 * the array is scanned here. A shape it does not split the way the main-thread splitter (json-stream.ts) does — not
 * a List or array, an element that is not an object, a second top-level value — throws `UnsplittableJson`, and the
 * caller reads the file on the main thread instead, so what comes out never depends on which thread read it.
 */
import { JSON_SCAN_WASM } from './json-scan-wasm.js';

/** Items scanned so far: their compact texts back to back, and four numbers per item. */
export interface ScannedItems {
  readonly bytes: Uint8Array;
  /**
   * ITEM_FIELDS numbers per item: start and end in `bytes`, line of its first byte, flags (ITEM_NON_ASCII,
   * ITEM_TOO_DEEP, ITEM_INVALID); with `check`, where its metadata ends (the comma after it, in `bytes`; -1 when the
   * item is not split) and the range of `names` holding its top-level keys after the metadata.
   */
  readonly table: Int32Array;
  readonly names: readonly string[];
}

export const ITEM_FIELDS = 7;

export const ITEM_NON_ASCII = 1;
/** Nested deeper than 128 levels (the limit of the main-thread splitter): the item is rejected, not parsed. */
export const ITEM_TOO_DEEP = 2;
/** Not valid JSON (found with `check`): the main thread parses it to report the error. */
export const ITEM_INVALID = 4;
/** Names a controller, as a cluster dump's pods and ReplicaSets do (found with `check`). */
export const ITEM_CONTROLLED = 8;

/** The input is not a List or array of objects that this scanner splits exactly like the main thread does. */
export class UnsplittableJson extends Error {}

/** The parts of the WebAssembly API used here (the project's type libraries do not declare it). */
interface Wasm {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object) => { readonly exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

interface WasmGlobal {
  readonly value: number;
}

interface ScanExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly o: WasmGlobal;
  readonly rel: WasmGlobal;
  readonly line: WasmGlobal;
  readonly capLine: WasmGlobal;
  readonly items: WasmGlobal;
  readonly stopAt: WasmGlobal;
  readonly keys: WasmGlobal;
  check(start: number, end: number): number;
  setLine(line: number): void;
  setOut(o: number, itemStart: number): void;
  itemStart(): number;
  resetItems(): void;
  scan(n: number): number;
}

const INPUT_BYTES = 1 << 20;
const TABLE = 1 << 20;
const OUT = 10 << 20;
const KEYS = 9 << 20;
const PAGE = 65536;
const SCAN_DONE = 0;
const ARRAY_CLOSED = 1;

let compiled: object | undefined;
const scanModule = (): object => (compiled ??= new wasm.Module(Buffer.from(JSON_SCAN_WASM, 'base64')));

const QUOTE = 0x22;
const COMMA = 0x2c;
const METADATA = Buffer.from('"metadata"');
const CONTROLLED = Buffer.from('"controller":true');

/** Whether the key starting at `at` (its opening quote) is `key` (quotes included). */
function isKey(memory: Uint8Array, at: number, key: Uint8Array): boolean {
  for (let i = 0; i < key.length; i++) if (memory[at + i] !== key[i]) return false;
  return true;
}
const BACKSLASH = 0x5c;
const NL = 0x0a;

export class ListScanner {
  private readonly w: ScanExports;
  /** Envelope state (outside the items array). */
  private depth = 0;
  private inString = false;
  private escape = false;
  private line = 1;
  private topIsArray = false;
  private topDone = false;
  private key: number[] | undefined;
  private pendingKey: string | undefined;
  /** Inside an items array: the WebAssembly scanner has the bytes. */
  private inItems = false;
  private itemCount = 0;

  /** `maxItemBytes`: an item whose compact text grows beyond this fails the read (as the main-thread splitter does). */
  private readonly maxItemBytes: number;
  private readonly check: boolean;

  /**
   * `maxItemBytes`: an item whose compact text grows beyond this fails the read (as the main-thread splitter does).
   * `check`: validate the items a controller made against the JSON grammar and find where their metadata ends (see
   * ScannedItems); the others are left to the main thread, which parses them whole.
   */
  constructor({ maxItemBytes = 256 * 1024 * 1024, check = false }: { maxItemBytes?: number; check?: boolean } = {}) {
    this.maxItemBytes = maxItemBytes;
    this.check = check;
    this.w = new wasm.Instance(scanModule()).exports as unknown as ScanExports;
  }

  /** Items finished so far (all of them when the input ended). */
  get items(): number {
    return this.itemCount + this.w.items.value;
  }

  /** Where the input stands: the first line of an unfinished item, else the current line. */
  get currentLine(): number {
    if (!this.inItems) return this.line;
    return this.w.rel.value > 0 ? this.w.capLine.value : this.w.line.value;
  }

  push(chunk: Uint8Array): void {
    for (let at = 0; at < chunk.length;) {
      if (this.inItems) {
        const n = Math.min(INPUT_BYTES, chunk.length - at);
        const used = this.scanItems(chunk.subarray(at, at + n));
        at += used;
      } else at = this.envelope(chunk, at);
    }
  }

  /** True when the input ended cleanly: the top-level value closed and nothing is left open. */
  end(): boolean {
    return this.topDone && !this.inItems && !this.inString;
  }

  /** Takes the items finished so far when their texts reach `minBytes` (0: any finished item). */
  take(minBytes = 0): ScannedItems | undefined {
    const w = this.w;
    const count = w.items.value;
    if (count === 0) return undefined;
    const found = new Int32Array(w.memory.buffer, TABLE, count * 4);
    const end = found[(count - 1) * 4 + 1]!;
    if (end - OUT < minBytes) return undefined;
    const table = new Int32Array(count * ITEM_FIELDS);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const start = found[i * 4]!;
      const stop = found[i * 4 + 1]!;
      const flags = found[i * 4 + 3]!;
      const at = i * ITEM_FIELDS;
      table[at] = start - OUT;
      table[at + 1] = stop - OUT;
      table[at + 2] = found[i * 4 + 2]!;
      table[at + 3] = flags;
      table[at + 4] = -1;
      if (!this.check || flags & ITEM_TOO_DEEP) continue;
      // Only objects a controller made (a cluster dump's pods and ReplicaSets) are split: the rules read them through
      // their controller's template, so their bodies are mostly never parsed. The others are read anyway: the main
      // thread parses them whole (which also finds their syntax errors), while it would wait for this thread.
      if (this.views().memory.subarray(start, stop).indexOf(CONTROLLED) < 0) continue;
      table[at + 3] = flags | ITEM_CONTROLLED;
      if (!w.check(start, stop)) {
        table[at + 3] = flags | ITEM_CONTROLLED | ITEM_INVALID;
        continue;
      }
      const split = this.metadataSplit(names);
      if (split < 0) continue;
      table[at + 4] = split - OUT;
      table[at + 5] = this.namesFrom;
      table[at + 6] = names.length;
    }
    const memory = new Uint8Array(w.memory.buffer);
    const bytes = memory.slice(OUT, end);
    // An unfinished item moves to the start of the output.
    const o = w.o.value;
    memory.copyWithin(OUT, end, o);
    w.setOut(OUT + (o - end), w.itemStart() - (end - OUT));
    w.resetItems();
    this.itemCount += count;
    return { bytes, table, names };
  }

  private namesFrom = 0;
  private viewed: { buffer: ArrayBuffer; memory: Buffer; keys: Int32Array } | undefined;

  /** Views of the module's memory, made again only after it grew. */
  private views(): { memory: Buffer; keys: Int32Array } {
    const buffer = this.w.memory.buffer;
    if (this.viewed?.buffer !== buffer)
      this.viewed = { buffer, memory: Buffer.from(buffer), keys: new Int32Array(buffer, KEYS, 64) };
    return this.viewed;
  }

  /**
   * After `check` of an item: the comma that ends its `metadata` value, when keys follow it (their names are added to
   * `names`, from `namesFrom`); -1 when the item is not split (not made by a controller, no metadata, nothing after
   * it, a key with an escape).
   */
  private metadataSplit(names: string[]): number {
    const w = this.w;
    const count = w.keys.value;
    if (count === 0 || count > 63) return -1;
    const { memory, keys: offsets } = this.views();
    let meta = -1;
    for (let k = 0; k < count - 1 && meta < 0; k++) if (isKey(memory, offsets[k]!, METADATA)) meta = k;
    if (meta < 0) return -1;
    const from = names.length;
    for (let k = meta + 1; k < count; k++) {
      const start = offsets[k]! + 1;
      let close = start;
      while (memory[close] !== QUOTE && memory[close] !== BACKSLASH) close++;
      if (memory[close] === BACKSLASH) {
        names.length = from;
        return -1;
      }
      names.push(memory.toString('utf8', start, close));
    }
    this.namesFrom = from;
    return memory.lastIndexOf(COMMA, offsets[meta + 1]!);
  }

  /** Feeds up to 1 MiB of an items array to the WebAssembly scanner; returns the bytes it used. */
  private scanItems(input: Uint8Array): number {
    const w = this.w;
    const need = w.o.value + input.length + PAGE;
    if (need > w.memory.buffer.byteLength) w.memory.grow(Math.ceil((need - w.memory.buffer.byteLength) / PAGE));
    new Uint8Array(w.memory.buffer, 0, input.length).set(input);
    const status = w.scan(input.length);
    if (w.rel.value > 0 && w.o.value - w.itemStart() > this.maxItemBytes)
      throw new RangeError(`a JSON value is larger than ${this.maxItemBytes} bytes`);
    if (status === SCAN_DONE) return input.length;
    const stop = w.stopAt.value;
    if (status !== ARRAY_CLOSED) throw new UnsplittableJson('an element of the array is not an object');
    // The array's `]`: back to the envelope, which reads it.
    this.inItems = false;
    this.line = w.line.value;
    return stop;
  }

  /** Scans the envelope from `at` until an items array starts or the chunk ends; returns where it stopped. */
  private envelope(chunk: Uint8Array, at: number): number {
    for (let i = at; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.inString) this.stringByte(c);
      else if (c === NL) this.line++;
      else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && this.structural(c)) return this.startItems(i);
    }
    return chunk.length;
  }

  /** A byte inside a string of the envelope: a key at the top level of an object is remembered. */
  private stringByte(c: number): void {
    if (this.escape) this.escape = false;
    else if (c === BACKSLASH) this.escape = true;
    else if (c === QUOTE) {
      this.inString = false;
      if (this.key) this.pendingKey = Buffer.from(this.key).toString('utf8');
      this.key = undefined;
      return;
    } else if (c === NL) this.line++;
    if (this.key && this.key.length < 64) this.key.push(c);
  }

  /** A byte of the envelope outside strings, not a blank; true when it opens the items array. */
  private structural(c: number): boolean {
    if (this.topDone) throw new UnsplittableJson('more than one top-level value');
    if (this.depth === 0 && c !== 0x7b && c !== 0x5b)
      throw new UnsplittableJson('the top-level value is not an object or array');
    if (c === QUOTE) {
      this.inString = true;
      if (this.depth === 1 && !this.topIsArray) this.key = [];
    } else if (c === 0x7b || c === 0x5b) {
      if (this.depth === 0) {
        this.depth = 1;
        this.topIsArray = c === 0x5b;
        return this.topIsArray;
      }
      if (this.depth === 1 && c === 0x5b && this.pendingKey === 'items') {
        this.depth = 2;
        return true;
      }
      this.depth++;
    } else if (c === 0x7d || c === 0x5d) {
      this.depth--;
      if (this.depth < 0) throw new UnsplittableJson('unbalanced brackets');
      if (this.depth === 0) this.topDone = true;
    }
    return false;
  }

  private startItems(bracket: number): number {
    this.inItems = true;
    this.w.setLine(this.line);
    return bracket + 1;
  }
}
