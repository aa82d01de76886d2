/** A Prometheus-compatible API as the application functions use it: the client, and a check that it answers. */
import { PrometheusUnavailableError } from '../core/errors.js';
import { apiBase, type PrometheusFlavorName } from '../knowledge/prometheus-flavors.js';
import { PrometheusClient, type BuildInfo, type PrometheusClientOptions } from '../sources/prometheus/client.js';
import { PrometheusQueryError, PrometheusTimeoutError } from '../sources/prometheus/errors.js';

/** A connected client and the URL it was made for (named in messages). */
export interface PrometheusEndpoint {
  readonly client: PrometheusClient;
  readonly url: string;
}

/** How to reach a Prometheus-compatible API: what every command that queries one takes. */
export interface PrometheusSettings extends Pick<
  PrometheusClientOptions,
  'bearerToken' | 'basicAuth' | 'headers' | 'tls' | 'retries' | 'budget'
> {
  readonly url: string;
  /** Adds the server's API path prefix when `url` has none (knowledge/prometheus-flavors.ts). */
  readonly flavor?: PrometheusFlavorName;
  /** Per request (default 30 s). */
  readonly timeoutSeconds?: number;
  readonly maxConcurrency?: number;
}

/** A client for the settings; the URL in messages is the one the user gave. */
export function connectPrometheus(settings: PrometheusSettings): PrometheusEndpoint {
  const { url, flavor, timeoutSeconds, ...rest } = settings;
  const client = new PrometheusClient({
    ...rest,
    url: apiBase(url, flavor),
    ...(timeoutSeconds !== undefined ? { timeoutMs: timeoutSeconds * 1000 } : {}),
  });
  return { client, url };
}

/**
 * Checks the server answers before running every query: an unreachable or silent server fails fast (exit 3).
 * A server without the buildinfo endpoint (older VictoriaMetrics) is fine.
 */
export async function preflight(client: PrometheusClient, url: string): Promise<BuildInfo | undefined> {
  try {
    return await client.buildInfo();
  } catch (e) {
    if (e instanceof PrometheusTimeoutError) throw new PrometheusUnavailableError(url, e);
    if (e instanceof PrometheusQueryError && e.status >= 500) throw new PrometheusUnavailableError(url, e);
    if (e instanceof PrometheusQueryError) return undefined;
    throw e;
  }
}
