/**
 * `health`: the guide's continuous check as one record (timestamp, CPU %, memory %, API p99, healthy/warning),
 * optionally pushed to a Prometheus Pushgateway. Run every 30 minutes by the CronJob in deploy/.
 */
import { SourceUnavailableError } from '../core/errors.js';
import { API_P99_PROMQL, healthMetricsText, healthRecord } from '../sources/live/health.js';
import { LIST_KINDS } from '../sources/live/kinds.js';
import { readClusterTarget, type ClusterPorts, type ClusterTarget } from './cluster.js';
import type { Clock, Log } from './ports.js';
import { connectPrometheus, type PrometheusSettings } from './prometheus.js';

export interface HealthOptions {
  /** Take the API p99 over the last 5 minutes from this Prometheus-compatible API. */
  readonly prometheus?: PrometheusSettings;
  /** Also push the record as gauges to this Pushgateway, with this job label. */
  readonly pushgateway?: { readonly url: string; readonly job: string };
}

export type HealthRecord = ReturnType<typeof healthRecord>;

const HEALTH_KINDS = LIST_KINDS.filter((k) => k.kind === 'Node' || k.kind === 'NodeMetrics');

/**
 * Reads nodes and their metrics and returns the health record. A Prometheus that fails is a warning on `log` (the
 * record falls back to the API server's own histogram); a Pushgateway that fails is an error, after `onRecord`.
 */
export async function health(
  target: ClusterTarget,
  options: HealthOptions,
  ports: ClusterPorts & { readonly clock: Clock; readonly log: Log; readonly onRecord?: (r: HealthRecord) => void },
): Promise<HealthRecord> {
  const { read, connection } = await readClusterTarget(
    target,
    { env: ports.env, ...(ports.progress ? { progress: ports.progress } : {}) },
    { read: { kinds: HEALTH_KINDS, kubelet: false } },
  );
  const now = ports.clock.now();
  const prometheusP99Seconds = options.prometheus
    ? await apiP99(options.prometheus, now).catch((e: unknown) => {
        // the health line matters more than its p99 source: say so and fall back to the API server's histogram
        ports.log.write(
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
  ports.onRecord?.(record);
  if (options.pushgateway)
    await push(options.pushgateway.url, options.pushgateway.job, connection.context, healthMetricsText(record));
  return record;
}

/** The guide's API p99 from Prometheus at `now`; undefined when the series are absent (e.g. no API server scrape). */
async function apiP99(settings: PrometheusSettings, now: Date): Promise<number | undefined> {
  const result = await connectPrometheus(settings).client.instantQuery(API_P99_PROMQL, {
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
