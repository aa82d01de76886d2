import { UsageError } from '../../core/errors.js';
import { didYouMean } from '../../core/suggest.js';
import type { CommandModule } from '../command.js';
import { completionScript, SHELLS, type Shell } from '../completion.js';

/** `kubetune completion bash|zsh|fish`: the completion script on stdout. */
export const completionCommand: CommandModule = {
  run([shell = ''], _flags, ctx) {
    if (!SHELLS.includes(shell as Shell))
      throw new UsageError(
        `completion: unknown shell ${JSON.stringify(shell)} (one of ${SHELLS.join(', ')})${didYouMean(shell, SHELLS)}`,
      );
    ctx.io.stdout.write(completionScript(shell as Shell, ctx.commands));
  },
};
