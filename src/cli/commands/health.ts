import { SourceUnavailableError } from '../../core/errors.js';
import { healthMetricsText, healthRecord } from '../../sources/live/health.js';
import { LIST_KINDS } from '../../sources/live/kinds.js';
import type { CommandModule } from '../command.js';
import { readWithFlags, type ClusterFlags } from '../live-connect.js';

interface HealthFlags extends ClusterFlags {
  readonly pushgateway?: string;
  readonly job: string;
}

const HEALTH_KINDS = LIST_KINDS.filter((k) => k.kind === 'Node' || k.kind === 'NodeMetrics');

/**
 * `kubetune health`: the guide's continuous check as one JSON log line (timestamp, CPU %, memory %, API p99,
 * healthy/warning), optionally pushed to a Prometheus Pushgateway. Run every 30 minutes by the CronJob in deploy/.
 */
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
      .option('--pushgateway <url>', 'also push the record as gauges to this Pushgateway')
      .option('--job <name>', 'Pushgateway job label', 'kubetune')
      .action(async (flags: HealthFlags) => {
        const { read, connection } = await readWithFlags(flags, ctx.io, {
          read: { kinds: HEALTH_KINDS, kubelet: false },
          quiet: true,
        });
        const record = healthRecord(read.resources, connection.context, ctx.io.now());
        ctx.io.stdout.write(`${JSON.stringify({ kind: 'kubetune.health', ...record })}\n`);
        if (flags.pushgateway) await push(flags.pushgateway, flags.job, connection.context, healthMetricsText(record));
      });
  },
};

async function push(base: string, job: string, context: string, body: string): Promise<void> {
  const url = `${base.replace(/\/+$/, '')}/metrics/job/${encodeURIComponent(job)}/context/${encodeURIComponent(context)}`;
  let res: Response;
  try {
    res = await fetch(url, { method: 'PUT', body, headers: { 'content-type': 'text/plain; version=0.0.4' } });
  } catch (e) {
    throw new SourceUnavailableError(`Pushgateway ${url}`, e);
  }
  if (!res.ok)
    throw new SourceUnavailableError(
      `Pushgateway ${url}`,
      new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`),
    );
}
