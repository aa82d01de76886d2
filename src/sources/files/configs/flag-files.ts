import { basename } from 'node:path';
import type { JsonPath } from '../../../core/json-path.js';
import { componentOfBinary, parseArgs, splitCommandLine } from '../../../model/components/flags.js';
import type { FlagComponent, FlagOrigin, FlagsConfig, FlagValue } from '../../../model/components/types.js';
import type { ComponentFileReader } from '../component-readers.js';
import { ext, fileRef, fileSource, lineKey } from './common.js';

/** Logical lines (backslash continuations joined) with the physical line of each token. */
function logicalLines(
  text: string,
  firstLine: number,
): { text: string; tokenLine: (offset: number) => number; line: number }[] {
  const physical = text.split(/\r?\n/);
  const out: { text: string; tokenLine: (offset: number) => number; line: number }[] = [];
  for (let i = 0; i < physical.length; i++) {
    const start = i;
    const starts: number[] = [0];
    let joined = physical[i]!;
    while (joined.endsWith('\\') && i + 1 < physical.length) {
      joined = joined.slice(0, -1) + ' ';
      starts.push(joined.length);
      joined += physical[++i]!;
    }
    const tokenLine = (offset: number) => firstLine + start + Math.max(0, starts.filter((s) => s <= offset).length - 1);
    out.push({ text: joined, tokenLine, line: firstLine + start });
  }
  return out;
}

/** Flags of one `NAME=value` or `ExecStart=...` line; token paths are [key, tokenIndex]. */
interface LineValue {
  readonly key: string;
  readonly value: string;
  /** Offset of `value` in its logical line. */
  readonly offset: number;
  readonly tokenLine: (offset: number) => number;
}

function flagsOfLine(
  { key, value, offset: valueOffset, tokenLine }: LineValue,
  lines: Map<string, number>,
): { tokens: string[]; flags: FlagValue[] } {
  const tokens = splitCommandLine(value);
  let cursor = 0;
  tokens.forEach((t, j) => {
    const at = value.indexOf(t, cursor);
    cursor = at >= 0 ? at + t.length : cursor;
    lines.set(lineKey([key, j]), tokenLine(valueOffset + Math.max(0, at)));
  });
  return { tokens, flags: parseArgs(tokens, (j): JsonPath => [key, j]) };
}

const VAR_COMPONENT: readonly (readonly [RegExp, FlagComponent])[] = [
  [/KUBELET/, 'kubelet'],
  [/APISERVER/, 'kube-apiserver'],
  [/CONTROLLER_MANAGER/, 'kube-controller-manager'],
  [/SCHEDULER/, 'kube-scheduler'],
  [/PROXY/, 'kube-proxy'],
];

interface Built {
  readonly component: FlagComponent;
  readonly origin: FlagOrigin;
  readonly kind: string;
  readonly file: string;
  readonly firstLine: number;
}

function build(
  { component, origin, kind, file, firstLine }: Built,
  flags: FlagValue[],
  lines: Map<string, number>,
): FlagsConfig {
  return {
    component,
    origin,
    ref: fileRef(kind, file),
    source: fileSource(file, firstLine, lines),
    flags: flags.map((f, index) => ({ ...f, index })),
  };
}

/** systemd units and drop-ins: flags of `ExecStart=` and of `Environment="..._ARGS=..."`. */
export const SYSTEMD_UNIT_READER: ComponentFileReader = {
  name: 'systemd-unit',
  matches: (file, head) =>
    ext(file) === '.service' ||
    (head !== '' && /^\[Service\]/m.test(head)) ||
    (head === '' && /\.service\.d[\\/]/.test(file)),
  read(text, file, firstLine = 1) {
    const lines = new Map<string, number>();
    const flags: FlagValue[] = [];
    let component: FlagComponent | undefined;
    for (const l of logicalLines(text, firstLine)) {
      const exec = /^\s*ExecStart\s*=\s*[-@+!:]*(.*)$/.exec(l.text);
      if (exec && exec[1]!.trim() !== '') {
        const offset = l.text.length - exec[1]!.length;
        const r = flagsOfLine({ key: 'ExecStart', value: exec[1]!, offset, tokenLine: l.tokenLine }, lines);
        component = componentOfBinary(r.tokens[0]) ?? component;
        flags.push(...r.flags);
        continue;
      }
      const env = /^\s*Environment\s*=\s*"?([A-Z0-9_]+)=(.*?)"?\s*$/.exec(l.text);
      if (env && /ARGS|FLAGS|OPTS/.test(env[1]!)) {
        const offset = l.text.indexOf(env[2]!);
        flags.push(...flagsOfLine({ key: env[1]!, value: env[2]!, offset, tokenLine: l.tokenLine }, lines).flags);
        component ??= VAR_COMPONENT.find(([re]) => re.test(env[1]!))?.[1];
      }
    }
    if (!component) return { components: [], diagnostics: [] };
    return {
      components: [build({ component, origin: 'systemd', kind: 'SystemdUnit', file, firstLine }, flags, lines)],
      diagnostics: [],
    };
  },
};

const FLAG_FILE_NAMES =
  /^(kubeadm-flags\.env|kubelet|kube-apiserver|kube-controller-manager|kube-scheduler|kube-proxy)$/;

/** Environment files of flags: kubeadm-flags.env, /etc/default/kubelet, /etc/sysconfig/kubelet (`KUBELET_EXTRA_ARGS=...`). */
export const FLAG_FILE_READER: ComponentFileReader = {
  name: 'flag-file',
  matches: (file, head) =>
    head === ''
      ? FLAG_FILE_NAMES.test(basename(file)) || ext(file) === '.env'
      : /^\s*(export\s+)?[A-Z0-9_]*(ARGS|FLAGS|OPTS)=/m.test(head),
  read(text, file, firstLine = 1) {
    const lines = new Map<string, number>();
    const byComponent = new Map<FlagComponent, FlagValue[]>();
    const fromName = componentOfBinary(basename(file));
    for (const l of logicalLines(text, firstLine)) {
      const m = /^\s*(?:export\s+)?([A-Z0-9_]+)=(["']?)(.*)\2\s*$/.exec(l.text);
      if (!m || !/ARGS|FLAGS|OPTS/.test(m[1]!)) continue;
      const component = VAR_COMPONENT.find(([re]) => re.test(m[1]!))?.[1] ?? fromName;
      if (!component) continue;
      const offset = l.text.indexOf(m[3]!);
      const list = byComponent.get(component) ?? [];
      list.push(...flagsOfLine({ key: m[1]!, value: m[3]!, offset, tokenLine: l.tokenLine }, lines).flags);
      byComponent.set(component, list);
    }
    const components = [...byComponent].map(([c, flags]) =>
      build({ component: c, origin: 'flag-file', kind: 'FlagFile', file, firstLine }, flags, lines),
    );
    return { components, diagnostics: [] };
  },
};
