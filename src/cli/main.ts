import { Command, CommanderError } from 'commander';
import { isKubetuneError } from '../core/errors.js';
import type { CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { EXIT, EXIT_CODE_TABLE } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';
import { VERSION } from '../app/version.js';

const ERROR_EXIT: Readonly<Record<string, number>> = {
  KT_USAGE: EXIT.usage,
  KT_CONFIG: EXIT.usage,
  KT_SOURCE_UNAVAILABLE: EXIT.unreachable,
  KT_PROM_UNAVAILABLE: EXIT.unreachable,
  KT_INPUT: EXIT.input,
  KT_KUBECONFIG: EXIT.usage,
  KT_KUBE_API: EXIT.unreachable,
  KT_PROM_TIMEOUT: EXIT.unreachable,
  KT_PROM_QUERY: EXIT.input,
  KT_PROM_BUDGET: EXIT.input,
  KT_QUANTITY: EXIT.input,
  KT_BENCH_OUTPUT: EXIT.input,
  KT_BENCH_RUN: EXIT.input,
  KT_BENCH_STORE: EXIT.unreachable,
  KT_MODEL_REFUSED: EXIT.refused,
};

/** Runs the CLI in-process and returns the exit code (bin/kubetune.js sets process.exitCode from it). */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exit = 0;
  const ctx: CommandContext = {
    io,
    setExit: (code) => {
      exit = Math.max(exit, code);
    },
  };
  const program = new Command('kubetune')
    .description('Kubernetes performance engineering as software: audit, diagnose, rightsize, bench, plan.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `\nExit codes:\n${EXIT_CODE_TABLE.map((e) => `  ${String(e.code).padEnd(3)} ${e.meaning}`).join('\n')}\n`,
    );
  for (const c of COMMANDS) c.register(program, ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help'
        ? EXIT.ok
        : EXIT.usage;
    }
    if (isKubetuneError(e)) {
      io.stderr.write(`kubetune: ${e.message}\n`);
      return ERROR_EXIT[e.code] ?? EXIT.internal;
    }
    io.stderr.write(`kubetune: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
  }
}
