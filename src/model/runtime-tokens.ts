import type { JsonPath } from '../core/json-path.js';
import type { Bytes } from '../core/units.js';

/** Where a runtime setting is written: a string field (env value or command/args element) and the token's span in it. */
export interface SettingSite {
  /** Path of the string field in its object. */
  readonly path: JsonPath;
  /** The field's whole current text. */
  readonly text: string;
  /** Span of the token in `text`, [start, end). */
  readonly start: number;
  readonly end: number;
  /** Env var name, or `command` / `args`. */
  readonly origin: string;
}

/** A token of a command line or an options variable, with where it sits. */
export interface Token {
  readonly text: string;
  readonly site: SettingSite;
}

/** Splits shell-like words (single/double quotes, backslash escapes) keeping each word's offsets. */
export function splitWords(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let word = '';
    let quote: string | undefined;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (quote) {
        if (ch === quote) quote = undefined;
        else word += ch;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '\\' && i + 1 < text.length) word += text[++i];
      else if (/\s/.test(ch)) break;
      else word += ch;
    }
    out.push({ word, start, end: i });
  }
  return out;
}

/** Tokens of one string field. */
export const tokensOf = (text: string, path: JsonPath, origin: string): Token[] =>
  splitWords(text).map((w) => ({ text: w.word, site: { path, text, start: w.start, end: w.end, origin } }));

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const basename = (s: string): string => s.slice(s.lastIndexOf('/') + 1);

/**
 * The tokens of a container's command line (command then args). A `sh -c "<script>"` is split into the
 * script's words, each pointing back into the script string, so edits land in the right field.
 */
export function commandTokens(command: readonly string[], args: readonly string[], containerPath: JsonPath): Token[] {
  const fields = [
    ...command.map((text, i) => ({ text, path: [...containerPath, 'command', i], origin: 'command' })),
    ...args.map((text, i) => ({ text, path: [...containerPath, 'args', i], origin: 'args' })),
  ];
  const out: Token[] = [];
  let scriptNext = false;
  for (const [i, f] of fields.entries()) {
    if (scriptNext) {
      out.push(...tokensOf(f.text, f.path, f.origin));
      scriptNext = false;
      continue;
    }
    out.push({ text: f.text, site: { path: f.path, text: f.text, start: 0, end: f.text.length, origin: f.origin } });
    const first = fields[0];
    if (i > 0 && first && SHELLS.has(basename(first.text)) && /^-[a-z]*c[a-z]*$/.test(f.text)) scriptNext = true;
  }
  return out;
}

export const isProgram = (token: string, names: readonly string[]): boolean => names.includes(basename(token));

const JVM_SUFFIX: Readonly<Record<string, number>> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/** A JVM size (`512m`, `2G`, `1073741824`): binary multiples, case-insensitive suffix. */
export function parseJvmSize(s: string): Bytes | undefined {
  const m = /^(\d+)([kmgt]?)$/i.exec(s.trim());
  if (!m) return undefined;
  return Number(m[1]) * JVM_SUFFIX[m[2]!.toLowerCase()]!;
}

const GO_SUFFIX: Readonly<Record<string, number>> = {
  '': 1,
  B: 1,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

/** A GOMEMLIMIT value: integer with optional B, KiB, MiB, GiB, TiB suffix (runtime/debug.SetMemoryLimit docs). */
export function parseGoBytes(s: string): Bytes | undefined {
  const m = /^(\d+)(B|KiB|MiB|GiB|TiB)?$/.exec(s.trim());
  if (!m) return undefined;
  return Number(m[1]) * GO_SUFFIX[m[2] ?? '']!;
}

/** .NET GC settings given as environment variables are hexadecimal, with or without `0x`. */
export function parseDotnetHex(s: string): number | undefined {
  const m = /^(?:0x)?([0-9a-f]+)$/i.exec(s.trim());
  return m ? parseInt(m[1]!, 16) : undefined;
}

export const parseInteger = (s: string): number | undefined => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : undefined);

/** A new field text with `site`'s token replaced by `replacement` (or removed with one separating space). */
export function rewriteToken(site: SettingSite, replacement: string | undefined): string {
  if (replacement !== undefined) return site.text.slice(0, site.start) + replacement + site.text.slice(site.end);
  let { start, end } = site;
  if (end < site.text.length && /\s/.test(site.text[end]!))
    while (end < site.text.length && /\s/.test(site.text[end]!)) end++;
  else while (start > 0 && /\s/.test(site.text[start - 1]!)) start--;
  return site.text.slice(0, start) + site.text.slice(end);
}
