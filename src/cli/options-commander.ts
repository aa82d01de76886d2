/** Commander options from the option table: flags, help, defaults, parsing, environment variables. */
import { Option, type Command } from 'commander';
import { attributeOf, choicesOf, parseValue, type CommandName, type OptionDef } from './options.js';
import { optionsOf, optionsOfSub } from './options-all.js';
import type { Env } from '../app/ports.js';

/** `-o, --output <format>` */
export const flagsOf = (o: OptionDef): string =>
  `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.type === 'boolean' ? '' : ` ${o.value ?? '<value>'}`}`;

/** The help line: the row's help, its choices and its environment variable (commander adds the default). */
export function describe(o: OptionDef): string {
  const choices = o.type === 'choice' || (o.type === 'list' && o.choices) ? choicesOf(o) : [];
  return [
    o.help,
    choices.length && choices.length <= 8 ? `: ${choices.join(', ')}` : '',
    o.env ? ` (or $${o.env})` : '',
  ].join('');
}

/** The default of the option in `command`. */
export const defaultOf = (o: OptionDef, command?: CommandName): string | undefined =>
  (command && o.defaults?.[command]) ?? o.default;

export function commanderOption(o: OptionDef, command?: CommandName): Option {
  const opt = new Option(flagsOf(o), describe(o));
  if (o.type !== 'boolean' && !o.variadic) {
    if (o.repeatable) opt.argParser((v: string, prev: unknown) => [...((prev as string[] | undefined) ?? []), v]);
    else opt.argParser((v: string, prev: unknown) => parseValue(o, v, prev));
  }
  const fallback = defaultOf(o, command);
  if (fallback !== undefined) opt.default(parseValue(o, fallback), fallback);
  if (o.hidden) opt.hideHelp();
  if (o.required) opt.makeOptionMandatory();
  return opt;
}

/** Adds every option the table gives `command`, and reads their environment variables when not given. */
export function addTableOptions(cmd: Command, command: CommandName, env: () => Env, sub?: string): Command {
  const rows = sub === undefined ? optionsOf(command) : optionsOfSub(command, sub);
  for (const o of rows) cmd.addOption(commanderOption(o, command));
  cmd.hook('preAction', (self) => {
    const e = env();
    for (const o of rows) {
      if (!o.env || e[o.env] === undefined || e[o.env] === '') continue;
      const source = self.getOptionValueSource(attributeOf(o));
      if (source === undefined || source === 'default')
        self.setOptionValueWithSource(attributeOf(o), parseValue(o, e[o.env]!), 'env');
    }
  });
  return cmd;
}
