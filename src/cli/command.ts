import type { Command } from 'commander';
import type { CliIo } from './io.js';

export interface CommandContext {
  readonly io: CliIo;
  /** Records the process exit code (the highest-priority one wins; see exit-codes.ts). */
  setExit(code: number): void;
}

/** One CLI command: a file in src/cli/commands/, listed in commands/index.ts. */
export interface CommandModule {
  readonly name: string;
  register(program: Command, ctx: CommandContext): void;
}
