/** Shell completion scripts (bash, zsh, fish) generated from the command list and the option table. */
import { isLegacy, type AnyCommandSpec, type CommandSpec } from './command.js';
import { choicesOf, type OptionDef } from './options.js';
import { optionsOf } from './options-all.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const visible = (c: AnyCommandSpec): OptionDef[] => optionsOf(c.name).filter((o) => !o.hidden);
const firstArg = (c: AnyCommandSpec): CommandSpec['args'] => (isLegacy(c) ? undefined : c.args);
const words = (o: OptionDef): string[] => [...(o.short ? [`-${o.short}`] : []), `--${o.name}`];
const valuesOf = (o: OptionDef): readonly string[] => (o.type === 'choice' || o.type === 'list' ? choicesOf(o) : []);
const isPath = (o: OptionDef): boolean => o.type === 'file' || o.type === 'dir';
const sq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(commands: readonly AnyCommandSpec[]): string {
  const cases = commands.map((c) => {
    const opts = visible(c);
    const values = opts
      .filter((o) => valuesOf(o).length > 0)
      .map(
        (o) =>
          `      ${words(o).join('|')}) COMPREPLY=($(compgen -W ${sq(valuesOf(o).join(' '))} -- "$cur")); return ;;`,
      );
    const files = opts.filter(isPath).flatMap(words);
    const positional = firstArg(c)?.[0]?.choices?.join(' ');
    return [
      `    ${c.name})`,
      '      case "$prev" in',
      ...values,
      ...(files.length ? [`      ${files.join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`] : []),
      '      esac',
      `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W ${sq(opts.flatMap(words).join(' '))} -- "$cur"));`,
      positional
        ? `      else COMPREPLY=($(compgen -W ${sq(positional)} -- "$cur")); fi ;;`
        : '      else COMPREPLY=($(compgen -f -- "$cur")); fi ;;',
    ].join('\n');
  });
  return [
    '# kubetune bash completion: source <(kubetune completion bash)',
    '_kubetune() {',
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" cmd="${COMP_WORDS[1]}"',
    `  if [[ $COMP_CWORD -eq 1 ]]; then COMPREPLY=($(compgen -W ${sq(commands.map((c) => c.name).join(' ') + ' --help --version')} -- "$cur")); return; fi`,
    '  case "$cmd" in',
    ...cases,
    '  esac',
    '}',
    'complete -o default -F _kubetune kubetune',
    '',
  ].join('\n');
}

const zshEscape = (s: string): string => s.replace(/[[\]:'\\]/g, (m) => `\\${m}`);

function zsh(commands: readonly AnyCommandSpec[]): string {
  const functions = commands.map((c) => {
    const specs = visible(c).map((o) => {
      const names = words(o);
      const head = names.length > 1 ? `{${names.join(',')}}` : names[0]!;
      const action =
        o.type === 'boolean'
          ? ''
          : valuesOf(o).length
            ? `:${o.value ?? 'value'}:(${valuesOf(o).join(' ')})`
            : isPath(o)
              ? `:${o.value ?? 'file'}:_files`
              : `:${o.value ?? 'value'}:`;
      return `    ${head}'[${zshEscape(o.help)}]${action}'`;
    });
    const positional = firstArg(c)?.[0]?.choices
      ? `'1:shell:(${firstArg(c)![0]!.choices!.join(' ')})'`
      : `'*:file:_files'`;
    return [
      `_kubetune_${c.name.replace(/-/g, '_')}() {`,
      '  _arguments \\',
      ...specs.map((s) => `${s} \\`),
      `    ${positional}`,
      '}',
    ].join('\n');
  });
  return [
    '#compdef kubetune',
    '# kubetune zsh completion: source <(kubetune completion zsh)',
    ...functions,
    '_kubetune() {',
    '  local -a commands',
    `  commands=(${commands.map((c) => sq(`${c.name}:${zshEscape(c.description)}`)).join(' ')})`,
    "  if (( CURRENT == 2 )); then _describe 'command' commands; return; fi",
    '  local cmd="${words[2]}"; shift words; (( CURRENT-- ))',
    '  (( $+functions[_kubetune_${cmd//-/_}] )) && _kubetune_${cmd//-/_}',
    '}',
    'compdef _kubetune kubetune',
    '',
  ].join('\n');
}

function fish(commands: readonly AnyCommandSpec[]): string {
  const lines = ['# kubetune fish completion: kubetune completion fish | source', 'complete -c kubetune -f'];
  for (const c of commands)
    lines.push(`complete -c kubetune -n __fish_use_subcommand -a ${c.name} -d ${sq(c.description)}`);
  for (const c of commands) {
    for (const o of visible(c)) {
      const parts = [`complete -c kubetune -n ${sq(`__fish_seen_subcommand_from ${c.name}`)}`, `-l ${o.name}`];
      if (o.short) parts.push(`-s ${o.short}`);
      if (o.type !== 'boolean') parts.push(isPath(o) ? '-r -F' : '-r');
      if (valuesOf(o).length) parts.push(`-a ${sq(valuesOf(o).join(' '))}`);
      parts.push(`-d ${sq(o.help)}`);
      lines.push(parts.join(' '));
    }
    if (firstArg(c)?.[0]?.choices)
      lines.push(
        `complete -c kubetune -n ${sq(`__fish_seen_subcommand_from ${c.name}`)} -a ${sq(firstArg(c)![0]!.choices!.join(' '))}`,
      );
  }
  return lines.join('\n') + '\n';
}

export function completionScript(shell: Shell, commands: readonly AnyCommandSpec[]): string {
  return shell === 'bash' ? bash(commands) : shell === 'zsh' ? zsh(commands) : fish(commands);
}
