import { Command, CommanderError } from 'commander';
import { isKubetuneError } from '../core/errors.js';
import { VERSION } from '../app/version.js';
import { isLegacy, type CommandContext, type CommandSpec, type RunContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { EXIT, EXIT_CODE_TABLE } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';
import { addTableOptions } from './options-commander.js';

const ERROR_EXIT: Readonly<Record<string, number>> = {
  KT_USAGE: EXIT.usage,
  KT_CONFIG: EXIT.usage,
  KT_SOURCE_UNAVAILABLE: EXIT.unreachable,
  KT_PROM_UNAVAILABLE: EXIT.unreachable,
  KT_PROM_UNUSABLE: EXIT.unreachable,
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

export const DESCRIPTION =
  'Kubernetes performance engineering as software: audit, fix, diagnose, rightsize, plan, bench, generate.';

function register(program: Command, spec: CommandSpec, ctx: CommandContext): void {
  const cmd = program.command(spec.name).description(spec.description);
  for (const a of spec.args ?? []) cmd.argument(a.syntax, a.help);
  addTableOptions(cmd, spec.name, () => ctx.io.env);
  cmd.action(async (...all: unknown[]) => {
    const self = all.at(-1) as Command;
    const args = (all.slice(0, -2) as (string | string[] | undefined)[]).flatMap((a) => a ?? []);
    const run: RunContext = { ...ctx, source: (flag) => self.getOptionValueSource(flag), commands: COMMANDS };
    const body = (await spec.load()) as unknown as {
      run: (a: readonly string[], f: unknown, c: RunContext) => unknown;
    };
    await body.run(args, self.opts(), run);
  });
}

/**
 * The program with every command, its options from the table (help, README and completion read the same). A legacy
 * command (its own commander setup) is loaded only when `argv` names it; otherwise `--help` lists its description.
 */
export async function buildProgram(ctx: CommandContext, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('kubetune')
    .description(DESCRIPTION)
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.stdout.write(s), writeErr: (s) => ctx.io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `\nExit codes:\n${EXIT_CODE_TABLE.map((e) => `  ${String(e.code).padEnd(3)} ${e.meaning}`).join('\n')}\n`,
    );
  const named = argv.find((a) => !a.startsWith('-'));
  for (const spec of COMMANDS) {
    if (!isLegacy(spec)) register(program, spec, ctx);
    else if (spec.name === named) (await spec.load()).register(program, ctx);
    else program.command(spec.name).description(spec.description).allowUnknownOption().allowExcessArguments();
  }
  for (const c of program.commands) c.exitOverride().configureOutput(program.configureOutput());
  return program;
}

/** Runs the CLI in-process and returns the exit code (bin/kubetune.js sets process.exitCode from it). */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exit = 0;
  const ctx: CommandContext = {
    io,
    setExit: (code) => {
      exit = Math.max(exit, code);
    },
  };
  try {
    await (await buildProgram(ctx, argv)).parseAsync([...argv], { from: 'user' });
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
