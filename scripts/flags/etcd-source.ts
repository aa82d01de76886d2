/**
 * Reads etcd's own flag definitions (Go `flag.FlagSet` calls in etcdmain/config.go and embed/config.go at a release
 * tag) into flags: name, type, literal default, and whether etcd marks it deprecated (its `deprecatedFlags` map or
 * "Deprecated" in the usage text) or accepts and ignores it (its `ignored` list).
 */
import type { PageFlag } from './reference-page.js';

export interface EtcdFlag extends PageFlag {
  readonly ignored?: boolean;
}

/** Top-level comma-separated arguments of the call whose `(` is at `open`; strings and nested brackets respected. */
function callArgs(src: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = open; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '"' || ch === '`') {
      const end = ch === '`' ? src.indexOf('`', i + 1) : endOfString(src, i);
      cur += src.slice(i, end + 1);
      i = end;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (depth === 0) break;
    if (depth === 1 && ch === ',') {
      args.push(cur.trim());
      cur = '';
    } else if (!(depth === 1 && ch === '(' && i === open)) cur += ch;
  }
  args.push(cur.trim());
  return args;
}

function endOfString(src: string, start: number): number {
  for (let i = start + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '"') return i;
  }
  return src.length;
}

const unquote = (s: string): string | undefined =>
  /^"((?:[^"\\]|\\.)*)"$/.exec(s) ? (JSON.parse(s) as string) : undefined;

/** Go flag constructors → pflag-style type names (as the Kubernetes reference pages print them). */
const TYPES: Readonly<Record<string, string>> = {
  String: 'string',
  Bool: 'bool',
  Int: 'int',
  Int64: 'int64',
  Uint: 'uint',
  Uint64: 'uint64',
  Float64: 'float',
  Duration: 'duration',
};

const literalDefault = (s: string | undefined): string | undefined => {
  if (s === undefined) return undefined;
  const q = unquote(s);
  if (q !== undefined) return q;
  return /^(true|false|-?\d+(\.\d+)?|\d+\s*\*\s*time\.\w+)$/.test(s) ? s.replace(/\s+/g, '') : undefined;
};

/** Keys of a Go map/slice literal assigned to `name` (`deprecatedFlags = map[string]...{ "a": ..., }`). */
export function goStringKeys(src: string, name: string): string[] {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:map\\[string\\](?:struct\\{\\}|\\w+)|\\[\\]string)\\{`).exec(src);
  if (!m) return [];
  const open = m.index + m[0].length - 1;
  let depth = 0;
  let end = open;
  for (; end < src.length; end++) {
    if (src[end] === '{') depth++;
    if (src[end] === '}' && --depth === 0) break;
  }
  const body = src.slice(open + 1, end).replace(/\/\/.*$/gm, '');
  return [...body.matchAll(/"([\w.-]+)"\s*[:,}\n]/g)].map((m) => m[1]!);
}

/** Usage texts that deprecate the flag itself (not one of its values, as 3.4's "'capnslog' is being deprecated"). */
const DEPRECATED_USAGE =
  /\b(DEPRECATED|(?<!is being )[Dd]eprecated in v?3\.\d|[Ww]ill be deprecated|[Dd]eprecated and scheduled)/;

export function parseEtcdFlags(sources: readonly string[]): EtcdFlag[] {
  const byName = new Map<string, EtcdFlag>();
  const deprecated = new Set(sources.flatMap((s) => goStringKeys(s, 'deprecatedFlags')));
  for (const src of sources) {
    for (const m of src.matchAll(/\bfs\.(\w*)Var\(/g)) {
      const args = callArgs(src, m.index + m[0].length - 1);
      const kind = m[1]!;
      const [nameArg, dflt, usage] = kind === '' ? [args[1], undefined, args[2]] : [args[1], args[2], args[3]];
      const name = nameArg === undefined ? undefined : unquote(nameArg);
      if (name === undefined) continue; // the `ignored` loop (fs.Var(..., f, "")) is read below
      const help = usage ?? '';
      const d = literalDefault(dflt);
      byName.set(name, {
        name,
        type: TYPES[kind] ?? (kind === '' ? 'value' : kind.toLowerCase()),
        ...(d === undefined ? {} : { default: d }),
        deprecated: deprecated.has(name) || DEPRECATED_USAGE.test(help),
      });
    }
  }
  // test.*: coverage-testing hooks, not for operators.
  for (const name of sources.flatMap((s) => goStringKeys(s, 'ignored')))
    if (!byName.has(name) && !name.startsWith('test.'))
      byName.set(name, { name, type: 'ignored', deprecated: true, ignored: true });
  return [...byName.values()];
}
