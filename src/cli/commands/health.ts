import { SourceUnavailableError } from '../../core/errors.js';
import { API_P99_PROMQL, healthMetricsText, healthRecord } from '../../sources/live/health.js';
import { PrometheusClient } from '../../sources/prometheus/client.js';
import { LIST_KINDS } from '../../sources/live/kinds.js';
import type { CommandModule } from '../command.js';
import { readWithFlags, type ClusterFlags } from '../live-connect.js';

interface HealthFlags extends ClusterFlags {
  readonly pushgateway?: string;
  readonly prometheus?: string;
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
      .option('--prometheus <url>', 'take the API p99 over the last 5 minutes from this Prometheus-compatible API')
      .option('--pushgateway <url>', 'also push the record as gauges to this Pushgateway')
      .option('--job <name>', 'Pushgateway job label', 'kubetune')
      .action(async (flags: HealthFlags) => {
        const { read, connection } = await readWithFlags(flags, ctx.io, {
          read: { kinds: HEALTH_KINDS, kubelet: false },
          quiet: true,
        });
        const now = ctx.io.now();
        const prometheusP99Seconds = flags.prometheus
          ? await apiP99(flags.prometheus, now).catch((e: unknown) => {
              // the health line matters more than its p99 source: say so and fall back to the API server's histogram
              ctx.io.stderr.write(
                `kubetune: ${e instanceof Error ? e.message : String(e)}; API p99 from the API server's own histogram\n`,
              );
              return undefined;
            })
          : undefined;
        const record = healthRecord(read.resources, {
          context: connection.context,
          now,
          ...(prometheusP99Seconds !== undefined ? { prometheusP99Seconds } : {}),
        });
        ctx.io.stdout.write(`${JSON.stringify({ kind: 'kubetune.health', ...record })}\n`);
        if (flags.pushgateway) await push(flags.pushgateway, flags.job, connection.context, healthMetricsText(record));
      });
  },
};

/** The guide's API p99 from Prometheus at `now`; undefined when the series are absent (e.g. no API server scrape). */
async function apiP99(url: string, now: Date): Promise<number | undefined> {
  const result = await new PrometheusClient({ url }).instantQuery(API_P99_PROMQL, {
    timeSeconds: now.getTime() / 1000,
  });
  const value = result.series[0]?.value;
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

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
