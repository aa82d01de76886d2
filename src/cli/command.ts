import type { Command } from 'commander';
import type { CliIo } from './io.js';
import type { CommandName } from './options.js';

export interface CommandContext {
  readonly io: CliIo;
  /** Records the process exit code (the highest-priority one wins; see exit-codes.ts). */
  setExit(code: number): void;
}

/** What a command's run gets besides its arguments and parsed flags: the shell, and commander's view of the flags. */
export interface RunContext extends CommandContext {
  /** Where each flag's value came from (`cli`, `env`, `default`). */
  source(flag: string): string | undefined;
  /** Every command (for completion), passed in so no command imports the list that loads it. */
  readonly commands: readonly AnyCommandSpec[];
}

/** A command's body, in src/cli/commands/<name>.ts: loaded only when the command runs. */
export interface CommandModule<F = Record<string, unknown>> {
  run(args: readonly string[], flags: F, ctx: RunContext): Promise<void> | void;
}

/** A command as `--help`, README and completion see it, without loading its body (commands/index.ts). */
export interface CommandSpec {
  readonly name: CommandName;
  readonly description: string;
  /** Commander syntax and help of each positional argument: `[paths...]`. */
  readonly args?: readonly { readonly syntax: string; readonly help: string; readonly choices?: readonly string[] }[];
  load(): Promise<CommandModule<never>>;
}

/**
 * A command that registers its own commander subcommands (bench run|history|show|compare, whose options come from
 * the table: options-bench.ts) or still declares its own options (predict): loaded only when it runs or its help is
 * asked for; listed in `--help` by its description otherwise.
 */
export interface LegacyCommandSpec {
  readonly name: CommandName;
  readonly description: string;
  readonly legacy: true;
  load(): Promise<{ register(program: Command, ctx: CommandContext): void }>;
}

export type AnyCommandSpec = CommandSpec | LegacyCommandSpec;
export const isLegacy = (s: AnyCommandSpec): s is LegacyCommandSpec => 'legacy' in s;

/** The body of a LegacyCommandSpec. */
export interface LegacyCommandModule {
  readonly name: string;
  register(program: Command, ctx: CommandContext): void;
}
