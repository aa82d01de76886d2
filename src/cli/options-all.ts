import { type CommandName, type OptionDef } from './options.js';
import { GENERATE, HEALTH, PLAN, RIGHTSIZE, RULES_LIST, SNAPSHOT } from './options-commands.js';
import { BENCH } from './options-bench.js';
import { PROMETHEUS_OPTIONS } from './options-prometheus.js';
import { AUDIT, CLUSTER_OPTIONS, DIAGNOSE, OUTPUT } from './options-table.js';

/** Every row of the option table, in help order. */
export const OPTIONS: readonly OptionDef[] = [
  ...AUDIT,
  ...DIAGNOSE,
  ...RIGHTSIZE,
  ...PLAN,
  ...GENERATE,
  ...BENCH,
  ...PROMETHEUS_OPTIONS,
  ...CLUSTER_OPTIONS,
  ...SNAPSHOT,
  ...HEALTH,
  ...RULES_LIST,
  ...OUTPUT,
];

/** The options of one command, in table order. */
export const optionsOf = (command: CommandName): OptionDef[] => OPTIONS.filter((o) => o.commands.includes(command));

/** The options of one subcommand (`bench run`), in table order. */
export const optionsOfSub = (command: CommandName, sub: string): OptionDef[] =>
  optionsOf(command).filter((o) => o.sub?.includes(sub));
