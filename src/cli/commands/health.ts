import { health } from '../../app/health.js';
import type { ClusterTarget } from '../../app/cluster.js';
import type { CommandModule } from '../command.js';
import { stderrProgress } from '../live-progress.js';

interface HealthFlags extends ClusterTarget {
  readonly pushgateway?: string;
  readonly prometheus?: string;
  readonly job: string;
}

/** `kubetune health`: the health record as one JSON log line on stdout (see app/health.ts). */
export const healthCommand: CommandModule = {
  name: 'health',
  register(program, ctx) {
    program
      .command('health')
      .description('Print the cluster health record (CPU %, memory %, API p99, healthy/warning) as one JSON line')
      .option(
        '--kubeconfig <file>',
        'kubeconfig (default: $KUBECONFIG, ~/.kube/config, then the in-cluster service account)',
      )
      .option('--context <name>', 'kube context (default: current-context)')
      .option('--prometheus <url>', 'take the API p99 over the last 5 minutes from this Prometheus-compatible API')
      .option('--pushgateway <url>', 'also push the record as gauges to this Pushgateway')
      .option('--job <name>', 'Pushgateway job label', 'kubetune')
      .action(async (flags: HealthFlags) => {
        await health(
          flags,
          {
            ...(flags.prometheus ? { prometheus: flags.prometheus } : {}),
            ...(flags.pushgateway ? { pushgateway: { url: flags.pushgateway, job: flags.job } } : {}),
          },
          {
            env: ctx.io.env,
            clock: ctx.io,
            log: ctx.io.stderr,
            progress: stderrProgress(ctx.io.stderr, { summary: false }),
            onRecord: (record) => ctx.io.stdout.write(`${JSON.stringify({ kind: 'kubetune.health', ...record })}\n`),
          },
        );
      });
  },
};
