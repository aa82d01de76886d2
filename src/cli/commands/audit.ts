import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { isProfileName, PROFILE_NAMES, type ProfileName } from '../../knowledge/profiles.js';
import { REPORTER_NAMES, STREAM_REPORTERS, isReporterName, type ReporterName } from '../../reporters/index.js';
import type { Report } from '../../reporters/report.js';
import { auditFiles, type AuditOptions, type AuditResult } from '../../app/audit.js';
import { selectRules } from '../../app/select-rules.js';
import type { CommandContext, CommandModule } from '../command.js';
import { loadConfig } from '../config-file.js';
import { stderrProgress } from '../live-progress.js';
import { exitCodeFor, parseFailOn } from '../outcome.js';
import { bufferedSink, fileSink } from '../output-sink.js';
import { heapBudget } from '../heap-budget.js';

export interface OutputFlags {
  readonly output: string;
  readonly outputFile?: string;
  readonly color?: boolean;
  readonly verbose?: boolean;
}

/** Output flags shared by every command that prints a Report. */
export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-o, --output <format>', 'output format').choices(REPORTER_NAMES).default('text'))
    .option('--output-file <file>', 'write the report to a file instead of stdout')
    .option('--no-color', 'never colour the text output')
    .option('-v, --verbose', 'show every diagnostic, including skipped rules');
}

export function emitReport(report: Report, flags: OutputFlags, ctx: CommandContext): void {
  if (!isReporterName(flags.output)) throw new UsageError(`unknown output format ${flags.output}`);
  const name: ReporterName = flags.output;
  const toFile = flags.outputFile !== undefined;
  const tty = !toFile && Boolean(ctx.io.stdout.isTTY);
  const color = tty && flags.color !== false && ctx.io.env['NO_COLOR'] === undefined && ctx.io.env['TERM'] !== 'dumb';
  // A terminal gets lines cut to its width (80 when it does not say); files and pipes get them whole, as -v does.
  const width = tty ? ctx.io.stdout.columns || 80 : undefined;
  // Streamed: a report with millions of findings is never one string.
  const sink = toFile ? fileSink(flags.outputFile!) : bufferedSink((s) => ctx.io.stdout.write(s));
  try {
    STREAM_REPORTERS[name](report, sink.write, {
      color,
      verbose: Boolean(flags.verbose),
      ...(width ? { width } : {}),
    });
  } finally {
    sink.close();
  }
}

export const profileOption = () =>
  new Option('--profile <name>', 'threshold profile').choices(PROFILE_NAMES).argParser((v: string): ProfileName => {
    if (!isProfileName(v)) throw new UsageError(`unknown profile ${v}`);
    return v;
  });

interface AuditFlags extends OutputFlags {
  readonly failOn: string;
  readonly kubeVersion?: string;
  readonly profile?: ProfileName;
  readonly config?: string;
  readonly rule?: string[];
  readonly area?: string[];
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly workers?: string;
}

/** `--workers N`: worker threads for large files (0: none). */
function parseWorkers(text: string | undefined): { workers: number } | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(`--workers: expected 0 to 64, got ${text}`);
  return { workers: n };
}

/** The live branch loads the Kubernetes client only when it runs. */
async function auditLiveLazily(flags: AuditFlags, options: AuditOptions, ctx: CommandContext): Promise<AuditResult> {
  const { auditCluster } = await import('../../app/audit-live.js');
  return auditCluster(flags, options, { env: ctx.io.env, progress: stderrProgress(ctx.io.stderr) });
}

export const auditCommand: CommandModule = {
  name: 'audit',
  register(program, ctx) {
    const cmd = program
      .command('audit')
      .description(
        'Audit manifests and component configs (files, directories, globs, - for stdin), or the current kube context when no path is given',
      )
      .argument('[paths...]', 'files, directories (recursive), globs, or - for stdin')
      .option(
        '--fail-on <level>',
        'exit 1 when a finding is at or above: error, warning, info, P0, P1, P2, none',
        'error',
      )
      .option('--kube-version <version>', 'Kubernetes version to check against (e.g. 1.33)')
      .addOption(profileOption())
      .option('--config <file>', 'config file (default: ./.kubetune.yaml when present)')
      .option('--rule <id...>', 'run only these rules')
      .option('--area <area...>', 'run only rules of these areas')
      .option('--kubeconfig <file>', 'kubeconfig for a live audit')
      .option('--context <name>', 'kube context for a live audit')
      .option('-n, --namespace <ns>', 'only this namespace (live audit)')
      .option('-A, --all-namespaces', 'every namespace (live audit, the default)')
      .option(
        '--workers <n>',
        'worker threads that parse large YAML files (default: the CPUs this process may use, within a container CPU limit, up to 4; 0: none)',
      );
    addOutputOptions(cmd).action(async (paths: string[], flags: AuditFlags) => {
      const config = loadConfig(flags.config, ctx.io.cwd);
      const failOn = parseFailOn(
        cmd.getOptionValueSource('failOn') === 'default' && config.failOn ? config.failOn : flags.failOn,
      );
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
              ...(flags.workers !== undefined ? { parallel: parseWorkers(flags.workers)! } : {}),
            })
          : await auditLiveLazily(flags, options, ctx);
      emitReport(result.report, flags, ctx);
      ctx.setExit(exitCodeFor(result.report, failOn));
    });
  },
};
