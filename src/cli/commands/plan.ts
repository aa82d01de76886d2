import { resolve } from 'node:path';
import { plan, writePlanFiles } from '../../app/plan.js';
import type { CommandModule } from '../command.js';

interface PlanFlags {
  readonly nodes: number;
  readonly pods?: number;
  readonly kubeVersion?: string;
  readonly out: string;
  readonly stdout?: boolean;
}

/** `kubetune plan --nodes N`: the capacity plan on stdout and its configs in --out. */
export const planCommand: CommandModule<PlanFlags> = {
  run(_args, flags, ctx) {
    const result = plan({
      nodes: flags.nodes,
      ...(flags.pods !== undefined ? { pods: flags.pods } : {}),
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
  },
};
