import { isAbsolute, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { fixFiles, type FixFileChange } from '../../app/fix.js';
import { selectRules } from '../../app/select-rules.js';
import type { ProfileName } from '../../knowledge/profiles.js';
import type { CommandModule } from '../command.js';
import { loadConfig } from '../config-file.js';
import { profileOption } from './audit.js';

/** A unified diff of every change (`--dry-run`), with paths relative to `cwd` when they are below it (git style). */
function renderDiff(changes: readonly FixFileChange[], cwd: string): string {
  const shown = (file: string): string => {
    const rel = relative(cwd, resolve(cwd, file));
    return rel.startsWith('..') || isAbsolute(rel) ? resolve(cwd, file).replace(/^\//, '') : rel;
  };
  return changes
    .map((c) =>
      createTwoFilesPatch(`a/${shown(c.file)}`, `b/${shown(c.file)}`, c.before, c.after, '', '', { context: 3 }),
    )
    .join('');
}

interface FixFlags {
  readonly dryRun?: boolean;
  readonly kubeVersion?: string;
  readonly profile?: ProfileName;
  readonly config?: string;
  readonly rule?: string[];
  readonly area?: string[];
}

export const fixCommand: CommandModule = {
  name: 'fix',
  register(program: Command, ctx) {
    program
      .command('fix')
      .description(
        'Apply the fixes of fixable findings to manifest files, keeping comments, key order and untouched lines',
      )
      .argument('<paths...>', 'files, directories (recursive) or globs; stdin cannot be fixed')
      .option('--dry-run', 'print a unified diff instead of writing the files')
      .option('--kube-version <version>', 'Kubernetes version to check against (e.g. 1.33)')
      .addOption(profileOption())
      .option('--config <file>', 'config file (default: ./.kubetune.yaml when present)')
      .option('--rule <id...>', 'apply only fixes of these rules')
      .option('--area <area...>', 'apply only fixes of rules of these areas')
      .action(async (paths: string[], flags: FixFlags) => {
        const config = loadConfig(flags.config, ctx.io.cwd);
        const outcome = await fixFiles(paths, {
          ...(flags.kubeVersion ? { kubeVersion: flags.kubeVersion } : {}),
          ...(flags.profile ? { profile: flags.profile } : {}),
          config,
          rules: selectRules(flags.rule, flags.area),
          ...(flags.dryRun ? { dryRun: true } : {}),
        });
        const fixableLeft = outcome.remaining.filter((f) => f.fix?.length).length;
        const summary =
          outcome.changes.length === 0
            ? 'nothing to fix'
            : `${flags.dryRun ? 'would fix' : 'fixed'} ${outcome.applied} finding(s) in ${outcome.changes.length} file(s)`;
        const tail = `${summary}; ${outcome.remaining.length} finding(s) remain${fixableLeft ? ` (${fixableLeft} fixable but not applicable)` : ''}.\n`;
        if (flags.dryRun) {
          ctx.io.stdout.write(renderDiff(outcome.changes, ctx.io.cwd));
          ctx.io.stderr.write(tail);
        } else ctx.io.stdout.write(tail);
      });
  },
};
