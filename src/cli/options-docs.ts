/** README's flag tables, generated from the option table (`npm run gen`; options.test.ts fails when stale). */
import { isLegacy, type AnyCommandSpec } from './command.js';
import { choicesOf, type OptionDef } from './options.js';
import { optionsOf, optionsOfSub } from './options-all.js';
import { BENCH_SUBCOMMANDS } from './options-bench.js';
import { defaultOf, flagsOf } from './options-commander.js';

export const FLAGS_BEGIN = '<!-- BEGIN GENERATED: flag tables (npm run gen, from src/cli/options*.ts) -->';
export const FLAGS_END = '<!-- END GENERATED: flag tables -->';

const cell = (s: string): string => s.replace(/\|/g, '\\|');

function row(o: OptionDef, command: AnyCommandSpec['name']): string {
  const choices = o.type === 'choice' || (o.type === 'list' && o.choices) ? choicesOf(o) : [];
  const fallback = defaultOf(o, command);
  return `| \`${cell(flagsOf(o))}\` | ${cell(o.help)}${choices.length ? ` (${choices.map((c) => `\`${c}\``).join(', ')})` : ''} | ${fallback !== undefined ? `\`${cell(fallback)}\`` : ''} | ${o.env ? `\`${o.env}\`` : ''} |`;
}

/** One table per command with options; the lines between FLAGS_BEGIN and FLAGS_END in README.md. */
export function renderFlagTables(commands: readonly AnyCommandSpec[]): string {
  const out: string[] = [];
  for (const c of commands) {
    const rows = optionsOf(c.name).filter((o) => !o.hidden);
    if (c.name === 'bench') {
      for (const sub of BENCH_SUBCOMMANDS) {
        out.push(
          `**\`kubetune ${c.name} ${sub}\`**`,
          '',
          '| flag | meaning | default | environment |',
          '|---|---|---|---|',
        );
        out.push(
          ...optionsOfSub(c.name, sub)
            .filter((o) => !o.hidden)
            .map((o) => row(o, c.name)),
          '',
        );
      }
      continue;
    }
    if (isLegacy(c)) {
      out.push(`**\`kubetune ${c.name}\`**: see \`kubetune ${c.name} --help\`.`, '');
      continue;
    }
    if (rows.length === 0) continue;
    out.push(`**\`kubetune ${c.name}\`**`, '', '| flag | meaning | default | environment |', '|---|---|---|---|');
    out.push(...rows.map((o) => row(o, c.name)), '');
  }
  return out.join('\n');
}

/** README with its flag tables replaced by `tables` (the markers must be there). */
export function withFlagTables(readme: string, tables: string): string {
  const begin = readme.indexOf(FLAGS_BEGIN);
  const end = readme.indexOf(FLAGS_END);
  if (begin < 0 || end < begin) throw new Error(`README.md: the markers ${FLAGS_BEGIN} … ${FLAGS_END} are missing`);
  return `${readme.slice(0, begin + FLAGS_BEGIN.length)}\n\n${tables}\n${readme.slice(end)}`;
}
