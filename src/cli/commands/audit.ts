import { auditFiles, type AuditOptions, type AuditResult } from '../../app/audit.js';
import { selectRules } from '../../app/select-rules.js';
import type { ClusterTarget } from '../../app/cluster.js';
import type { ProfileName } from '../../knowledge/profiles.js';
import type { CommandModule, RunContext } from '../command.js';
import { loadConfig } from '../config-file.js';
import { stderrProgress } from '../live-progress.js';
import { exitCodeFor, parseFailOn } from '../outcome.js';
import { checkOutputFile, emitReport, type OutputFlags } from '../report-output.js';
import { heapBudget } from '../heap-budget.js';

interface AuditFlags extends OutputFlags, ClusterTarget {
  readonly failOn: string;
  readonly kubeVersion?: string;
  readonly profile?: ProfileName;
  readonly config?: string;
  readonly rule?: string[];
  readonly area?: string[];
  readonly workers?: number;
}

/** The live branch loads the Kubernetes client only when it runs. */
async function auditLive(flags: AuditFlags, options: AuditOptions, ctx: RunContext): Promise<AuditResult> {
  const { auditCluster } = await import('../../app/audit-live.js');
  return auditCluster(flags, options, { env: ctx.io.env, progress: stderrProgress(ctx.io.stderr) });
}

/** `kubetune audit [paths...]`: files, or the current kube context when no path is given. */
export const auditCommand: CommandModule<AuditFlags> = {
  async run(paths, flags, ctx) {
    checkOutputFile(flags, ctx.io.cwd);
    const config = loadConfig(flags.config, ctx.io.cwd);
    const failOn = parseFailOn(ctx.source('failOn') === 'default' && config.failOn ? config.failOn : flags.failOn);
    const options = {
      ...(flags.kubeVersion ? { kubeVersion: flags.kubeVersion } : {}),
      ...(flags.profile ? { profile: flags.profile } : {}),
      config,
      rules: selectRules(flags.rule, flags.area),
      now: ctx.io.now(),
      budget: heapBudget(),
    };
    const result =
      paths.length > 0
        ? await auditFiles(paths, {
            ...options,
            stdin: ctx.io.stdin,
            cwd: ctx.io.cwd,
            ...(flags.workers !== undefined ? { parallel: { workers: flags.workers } } : {}),
          })
        : await auditLive(flags, options, ctx);
    emitReport(result.report, flags, ctx);
    ctx.setExit(exitCodeFor(result.report, failOn));
  },
};
