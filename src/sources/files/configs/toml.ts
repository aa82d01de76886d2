import type { JsonPath } from '../../../core/json-path.js';

/** A TOML syntax error with its 1-based line. */
export class TomlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export interface TomlResult {
  readonly value: Record<string, unknown>;
  /** `JSON.stringify(path)` → 1-based line of the key (tables: of the header). */
  readonly lines: Map<string, number>;
}

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A small TOML 1.0 reader for component configs (containerd config.toml v2/v3, CRI-O): tables, array tables, dotted and
 * quoted keys, strings (basic, literal, multi-line), numbers, booleans, arrays and inline tables; dates stay strings.
 * Keeps the line of every key, which the general-purpose parsers do not.
 */
export function parseToml(text: string, firstLine = 1): TomlResult {
  return new Parser(text, firstLine).parse();
}

class Parser {
  private i = 0;
  private line: number;
  private readonly root: Table = {};
  private readonly lines = new Map<string, number>();

  constructor(
    private readonly s: string,
    firstLine: number,
  ) {
    this.line = firstLine;
  }

  parse(): TomlResult {
    let table = this.root;
    let tablePath: JsonPath = [];
    for (;;) {
      this.skipBlank(true);
      if (this.i >= this.s.length) break;
      if (this.s[this.i] === '[') {
        const isArray = this.s[this.i + 1] === '[';
        this.i += isArray ? 2 : 1;
        const keys = this.keyPath();
        this.expect(isArray ? ']]' : ']');
        ({ table, path: tablePath } = isArray ? this.arrayTable(keys) : this.openTable(keys));
        this.lines.set(JSON.stringify(tablePath), this.line);
      } else {
        const keys = this.keyPath();
        this.skipSpaces();
        this.expect('=');
        const line = this.line;
        const value = this.value();
        this.assign(table, keys, value, tablePath, line);
      }
      this.endOfLine();
    }
    return { value: this.root, lines: this.lines };
  }

  private openTable(keys: string[]): { table: Table; path: JsonPath } {
    let cur = this.root;
    const path: (string | number)[] = [];
    for (const k of keys) {
      let next = cur[k];
      if (next === undefined) {
        next = cur[k] = {};
        if (!this.lines.has(JSON.stringify([...path, k]))) this.lines.set(JSON.stringify([...path, k]), this.line);
      }
      if (Array.isArray(next)) {
        path.push(k, next.length - 1);
        next = next[next.length - 1];
      } else path.push(k);
      if (!isTable(next)) throw new TomlError(`key "${k}" is not a table`, this.line);
      cur = next;
    }
    return { table: cur, path };
  }

  private arrayTable(keys: string[]): { table: Table; path: JsonPath } {
    const { table: parent, path } = this.openTable(keys.slice(0, -1));
    const last = keys[keys.length - 1]!;
    const arr = (parent[last] ??= []) as unknown[];
    if (!Array.isArray(arr)) throw new TomlError(`key "${last}" is not an array of tables`, this.line);
    const t: Table = {};
    arr.push(t);
    return { table: t, path: [...path, last, arr.length - 1] };
  }

  private assign(table: Table, keys: string[], value: unknown, base: JsonPath, line: number): void {
    let cur = table;
    for (const k of keys.slice(0, -1)) {
      const next = (cur[k] ??= {});
      if (!isTable(next)) throw new TomlError(`key "${k}" is not a table`, line);
      cur = next;
    }
    const last = keys[keys.length - 1]!;
    if (last in cur) throw new TomlError(`duplicate key "${keys.join('.')}"`, line);
    cur[last] = value;
    this.lines.set(JSON.stringify([...base, ...keys]), line);
  }

  private keyPath(): string[] {
    const keys: string[] = [];
    for (;;) {
      this.skipSpaces();
      const ch = this.s[this.i];
      if (ch === '"' || ch === "'") keys.push(this.string());
      else {
        const m = /^[A-Za-z0-9_-]+/.exec(this.s.slice(this.i, this.i + 256));
        if (!m) throw new TomlError('expected a key', this.line);
        keys.push(m[0]);
        this.i += m[0].length;
      }
      this.skipSpaces();
      if (this.s[this.i] !== '.') return keys;
      this.i++;
    }
  }

  private value(): unknown {
    this.skipSpaces();
    const ch = this.s[this.i];
    if (ch === '"' || ch === "'") return this.string();
    if (ch === '[') return this.array();
    if (ch === '{') return this.inlineTable();
    const m = /^[^\s,\]}#]+/.exec(this.s.slice(this.i, this.i + 256));
    if (!m) throw new TomlError('expected a value', this.line);
    this.i += m[0].length;
    const raw = m[0];
    if (raw === 'true' || raw === 'false') return raw === 'true';
    const num = raw.replace(/_/g, '');
    if (/^[+-]?(0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+)$/.test(num)) return Number(num.replace(/^\+/, ''));
    if (/^[+-]?(\d+(\.\d+)?([eE][+-]?\d+)?|inf|nan)$/.test(num))
      return Number(num.replace(/^\+/, '').replace('inf', 'Infinity').replace('nan', 'NaN'));
    return raw; // dates and times stay strings
  }

  private array(): unknown[] {
    this.i++;
    const out: unknown[] = [];
    for (;;) {
      this.skipBlank(true);
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.skipBlank(true);
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') throw new TomlError('expected , or ] in array', this.line);
    }
  }

  private inlineTable(): Table {
    this.i++;
    const t: Table = {};
    this.skipSpaces();
    if (this.s[this.i] === '}') {
      this.i++;
      return t;
    }
    for (;;) {
      const keys = this.keyPath();
      this.expect('=');
      this.assign(t, keys, this.value(), [], this.line);
      this.skipSpaces();
      if (this.s[this.i] === '}') {
        this.i++;
        return t;
      }
      this.expect(',');
    }
  }

  private string(): string {
    const q = this.s[this.i]!;
    const multi = this.s.startsWith(q.repeat(3), this.i);
    this.i += multi ? 3 : 1;
    if (multi && this.s[this.i] === '\n') this.newline();
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) throw new TomlError('unterminated string', this.line);
      if (multi ? this.s.startsWith(q.repeat(3), this.i) : this.s[this.i] === q) {
        this.i += multi ? 3 : 1;
        return out;
      }
      const ch = this.s[this.i]!;
      if (ch === '\n') {
        if (!multi) throw new TomlError('newline in string', this.line);
        this.newline();
        out += '\n';
        continue;
      }
      if (ch === '\\' && q === '"') {
        out += this.escape();
        continue;
      }
      out += ch;
      this.i++;
    }
  }

  private escape(): string {
    const e = this.s[this.i + 1];
    this.i += 2;
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };
    if (e !== undefined && e in simple) return simple[e]!;
    if (e === 'u' || e === 'U') {
      const len = e === 'u' ? 4 : 8;
      const hex = this.s.slice(this.i, this.i + len);
      this.i += len;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    if (e === '\n' || e === ' ' || e === '\r') {
      while (/\s/.test(this.s[this.i] ?? '')) if (this.s[this.i++] === '\n') this.line++;
      return '';
    }
    throw new TomlError(`bad escape \\${e ?? ''}`, this.line);
  }

  private skipSpaces(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }

  /** Skips spaces, comments and (when `newlines`) line ends. */
  private skipBlank(newlines: boolean): void {
    for (;;) {
      this.skipSpaces();
      const ch = this.s[this.i];
      if (ch === '#') while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      else if (newlines && (ch === '\n' || ch === '\r')) {
        if (ch === '\n') this.newline();
        else this.i++;
      } else return;
    }
  }

  private endOfLine(): void {
    this.skipBlank(false);
    if (this.s[this.i] === '\r') this.i++;
    if (this.i < this.s.length && this.s[this.i] !== '\n')
      throw new TomlError(`unexpected "${this.s[this.i]}"`, this.line);
  }

  private newline(): void {
    this.i++;
    this.line++;
  }

  private expect(tok: string): void {
    this.skipSpaces();
    if (!this.s.startsWith(tok, this.i)) throw new TomlError(`expected "${tok}"`, this.line);
    this.i += tok.length;
  }
}
