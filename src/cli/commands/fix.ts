import { isAbsolute, relative, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { fixFiles, type FixFileChange } from '../../app/fix.js';
import { selectRules } from '../../app/select-rules.js';
import type { ProfileName } from '../../knowledge/profiles.js';
import type { CommandModule } from '../command.js';
import { loadConfig } from '../config-file.js';

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

/** `kubetune fix <paths...>`: fixes into the files (or a diff with --dry-run), and what is left. */
export const fixCommand: CommandModule<FixFlags> = {
  async run(paths, flags, ctx) {
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
  },
};
