import type { JsonPath } from '../../core/json-path.js';
import { asArray, asString, isRecord } from '../object.js';
import { isFlagComponent, type FlagComponent, type FlagValue } from './types.js';

/**
 * Parses a component's argument list into flags (pflag syntax: `--name=value`, `--name value`, bare booleans, `-v=2`).
 * `path(i)` gives the source path of argument `i`. Tokens that are not flags (binary name, `$VAR` references) are skipped.
 */
export function parseArgs(args: readonly string[], path: (i: number) => JsonPath, startIndex = 0): FlagValue[] {
  const out: FlagValue[] = [];
  for (let i = 0; i < args.length; i++) {
    const tok = args[i]!;
    const m = /^--?([A-Za-z0-9][\w.-]*)(?:=([\s\S]*))?$/.exec(tok);
    if (!m) continue;
    let value = m[2];
    if (value === undefined) {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('-') && !next.startsWith('$')) {
        value = next;
        out.push({ name: m[1]!, value, path: path(i), index: startIndex + out.length });
        i++;
        continue;
      }
      value = 'true';
    }
    out.push({ name: m[1]!, value, path: path(i), index: startIndex + out.length });
  }
  return out;
}

/** Splits a shell-like command line (quotes, backslash-newline continuations); `$VAR` references are kept as tokens. */
export function splitCommandLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: '"' | "'" | undefined;
  let has = false;
  const text = line.replace(/\\\r?\n/g, ' ');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += ch;
  }
  if (has || cur) out.push(cur);
  return out;
}

const BINARY_ALIASES: Readonly<Record<string, FlagComponent>> = { hyperkube: 'kube-apiserver' };

/** The component a binary path or image names (`/usr/local/bin/kube-apiserver`, `registry.k8s.io/etcd:3.5.21-0`). */
export function componentOfBinary(s: string | undefined): FlagComponent | undefined {
  if (!s) return undefined;
  // Runs for every container of a snapshot: slices, no arrays.
  let base = s.slice(s.lastIndexOf('/') + 1);
  const cut = base.search(/[:@]/);
  if (cut >= 0) base = base.slice(0, cut);
  if (isFlagComponent(base)) return base;
  return BINARY_ALIASES[base];
}

/** The component a container runs, from its command, then its image. */
export function componentOfContainer(container: Readonly<Record<string, unknown>>): FlagComponent | undefined {
  const command = asArray(container['command']);
  const first = command.length > 0 ? String(command[0]) : undefined;
  const fromCommand = componentOfBinary(first);
  if (fromCommand) return fromCommand;
  if (first !== undefined && !first.startsWith('-')) return undefined;
  return componentOfBinary(asString(container['image']));
}

/** kubeadm extraArgs: the v1beta3 map form or the v1beta4 list form (`- name: x / value: y`). */
export function parseExtraArgs(extraArgs: unknown, base: JsonPath): { flags: FlagValue[]; listForm: boolean } {
  if (Array.isArray(extraArgs)) {
    const flags = extraArgs.flatMap((item, i): FlagValue[] => {
      if (!isRecord(item) || typeof item['name'] !== 'string') return [];
      return [
        {
          name: item['name'],
          value: String(item['value'] ?? ''),
          path: [...base, i],
          valuePath: [...base, i, 'value'],
          index: i,
        },
      ];
    });
    return { flags, listForm: true };
  }
  if (isRecord(extraArgs)) {
    const flags = Object.entries(extraArgs).map(([name, v], i) => ({
      name,
      value: String(v ?? ''),
      path: [...base, name],
      index: i,
    }));
    return { flags, listForm: false };
  }
  return { flags: [], listForm: false };
}

/** `ETCD_QUOTA_BACKEND_BYTES` → `quota-backend-bytes` (etcd reads every flag from its ETCD_ env var). */
export const etcdEnvToFlag = (name: string): string | undefined =>
  /^ETCD_[A-Z0-9_]+$/.test(name) ? name.slice(5).toLowerCase().replace(/_/g, '-') : undefined;
