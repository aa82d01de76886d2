/**
 * The CLI's one option table: every flag of every command, with its type, default, help, environment variable and
 * the commands it belongs to. Commander options (options-commander.ts), `--help`, README's flag tables
 * (options-docs.ts), shell completion (completion.ts) and `.kubetune.yaml` validation (config-file.ts) are all
 * generated from it. A command declares no option by hand.
 */
import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { parseDurationSeconds, parseTimeSeconds } from '../core/time.js';
import { parseKubeVersion, SUPPORTED_MINORS } from '../core/version.js';

/** Every command; the ones being built declare their options here too. */
export const COMMAND_NAMES = [
  'audit',
  'fix',
  'diagnose',
  'rightsize',
  'snapshot',
  'health',
  'plan',
  'rules',
  'explain',
  'completion',
  'bench',
  'generate',
  'predict',
  'serve',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** How a value is written and parsed. */
export type ValueType =
  | 'boolean' // a switch; `--no-x` for one that defaults to on
  | 'string'
  | 'file'
  | 'dir'
  | 'url'
  | 'int' // whole number ≥ min
  | 'number' // finite number ≥ min
  | 'duration' // → seconds (core/time.ts)
  | 'time' // → unix seconds (core/time.ts)
  | 'choice' // one of choices
  | 'list' // comma list, repeatable; each item one of choices when given
  | 'kube-version'; // a supported Kubernetes minor

export interface OptionDef {
  /** Long name without dashes: `kube-version`; `no-color` for a switch that is on by default. */
  readonly name: string;
  readonly short?: string;
  readonly type: ValueType;
  /** Placeholder in help: `<version>`. */
  readonly value?: string;
  readonly help: string;
  /** Default as a user writes it (parsed like a given value). */
  readonly default?: string;
  /** A different default for some commands. */
  readonly defaults?: Partial<Record<CommandName, string>>;
  /** Allowed values of a choice or list; a function for lists known only at run time (rule ids). */
  readonly choices?: readonly string[] | (() => readonly string[]);
  /** Environment variable read when the flag is not given. */
  readonly env?: string;
  /** `.kubetune.yaml` key that sets it (the flag wins). */
  readonly config?: 'profile' | 'kubeVersion' | 'failOn';
  readonly commands: readonly CommandName[];
  readonly min?: number;
  readonly max?: number;
  readonly required?: boolean;
  /** Kept working for old scripts, not shown in help or docs. */
  readonly hidden?: boolean;
  /** Added to the message when a value is not one of the choices; `{value}` is replaced by the value given. */
  readonly hint?: string;
  /** A string option given several times collects every value (`-H a -H b`). */
  readonly repeatable?: boolean;
  /** Takes every following word (`--metrics-file a b c`): only on commands without positional arguments. */
  readonly variadic?: boolean;
  /** The subcommands of `commands` it belongs to (`bench run`); none: the command itself. */
  readonly sub?: readonly string[];
}

export const choicesOf = (o: OptionDef): readonly string[] =>
  typeof o.choices === 'function' ? o.choices() : (o.choices ?? []);

/** `--kube-version 1.33`: a minor kubetune knows (1.25 to 1.35). */
export function parseKubeVersionFlag(text: string, flag = '--kube-version'): string {
  const v = parseKubeVersion(text);
  const known = SUPPORTED_MINORS.map((m) => `1.${m}`);
  if (!v || v.major !== 1 || !(SUPPORTED_MINORS as readonly number[]).includes(v.minor))
    throw new UsageError(
      `${flag}: not a Kubernetes version kubetune knows: ${JSON.stringify(text)} (${known[0]} to ${known.at(-1)})${didYouMean(text, known)}`,
    );
  return text;
}

function oneOf(o: OptionDef, flag: string, item: string): string {
  const allowed = choicesOf(o);
  if (allowed.includes(item)) return item;
  if (o.hint)
    throw new UsageError(`${flag}: unknown value ${JSON.stringify(item)}; ${o.hint.replaceAll('{value}', item)}`);
  throw new UsageError(
    `${flag}: unknown value ${JSON.stringify(item)} (one of ${allowed.join(', ')})${didYouMean(item, allowed)}`,
  );
}

function parseNumber(o: OptionDef, text: string, _previous: unknown, bad: (what: string) => never): number {
  const n = Number(text);
  const min = o.min ?? 0;
  if (text.trim() === '' || !Number.isFinite(n) || (o.type === 'int' && !Number.isInteger(n)))
    return bad(
      o.type === 'int'
        ? `expected a ${min === 1 ? 'positive ' : ''}whole number (≥ ${min})`
        : `expected a number ≥ ${min}`,
    );
  if (n < min || (o.max !== undefined && n > o.max))
    return bad(`expected ${o.max !== undefined ? `${min} to ${o.max}` : `≥ ${min}`}`);
  return n;
}

function parseList(o: OptionDef, text: string, previous: unknown, bad: (what: string) => never): string[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) return bad('expected a comma-separated list');
  const checked = o.choices ? items.map((i) => oneOf(o, `--${o.name}`, i)) : items;
  return [...((previous as string[] | undefined) ?? []), ...checked];
}

type Parser = (o: OptionDef, text: string, previous: unknown, bad: (what: string) => never) => unknown;

const PARSERS: Partial<Record<ValueType, Parser>> = {
  int: parseNumber,
  number: parseNumber,
  duration: (_o, text, _p, bad) => parseDurationSeconds(text) ?? bad('not a duration (e.g. 30s, 5m, 1h30m, 14d)'),
  time: (_o, text, _p, bad) => parseTimeSeconds(text) ?? bad('not a unix time or RFC 3339 date'),
  url: (_o, text, _p, bad) => (/^https?:\/\/\S+$/.test(text) ? text : bad('expected an http(s) URL')),
  choice: (o, text) => oneOf(o, `--${o.name}`, text),
  list: parseList,
  'kube-version': (o, text) => parseKubeVersionFlag(text, `--${o.name}`),
};

/** Parses one written value of the option (a list: one occurrence, whose items are added to `previous`). */
export function parseValue(o: OptionDef, text: string, previous?: unknown): unknown {
  const bad = (what: string): never => {
    throw new UsageError(`--${o.name}: ${what}, got ${JSON.stringify(text)}`);
  };
  const parser = PARSERS[o.type];
  return parser ? parser(o, text, previous, bad) : text;
}

/** The camelCase property commander stores the option under (`no-color` → `color`). */
export const attributeOf = (o: OptionDef): string =>
  o.name.replace(/^no-/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
