import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { plan, writePlanFiles } from '../../app/plan.js';
import type { CommandModule } from '../command.js';

interface PlanFlags {
  readonly nodes: string;
  readonly pods?: string;
  readonly kubeVersion?: string;
  readonly out: string;
  readonly stdout?: boolean;
}

const positiveInt = (flag: string, value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag}: expected a positive whole number, got ${JSON.stringify(value)}`);
  return n;
};

export const planCommand: CommandModule = {
  name: 'plan',
  register(program: Command, ctx) {
    program
      .command('plan')
      .description(
        'Pick the capacity tier for a cluster size and write tuned control-plane, node and runtime configs plus a capacity plan',
      )
      .requiredOption('--nodes <n>', 'number of worker nodes')
      .option('--pods <m>', 'expected number of pods (sizes maxPods, warns when nodes are too few)')
      .option('--kube-version <version>', 'Kubernetes version the configs target (e.g. 1.33)')
      .option('--out <dir>', 'directory to write the files to', 'kubetune-plan')
      .option('--stdout', 'print the capacity plan only; write no files')
      .action((flags: PlanFlags) => {
        const result = plan({
          nodes: positiveInt('--nodes', flags.nodes),
          ...(flags.pods !== undefined ? { pods: positiveInt('--pods', flags.pods) } : {}),
          ...(flags.kubeVersion !== undefined ? { kubeVersion: flags.kubeVersion } : {}),
        });
        if (flags.stdout) {
          ctx.io.stdout.write(result.markdown);
          return;
        }
        const out = resolve(ctx.io.cwd, flags.out);
        writePlanFiles(out, result.files);
        ctx.io.stdout.write(result.markdown + `\nWrote ${result.files.length} files to ${out}\n`);
        for (const w of result.plan.warnings) ctx.io.stderr.write(`warning: ${w}\n`);
      });
  },
};
