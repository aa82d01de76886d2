/** A Prometheus-compatible API as the application functions use it: the client, and a check that it answers. */
import { PrometheusUnavailableError } from '../core/errors.js';
import { PrometheusClient, type BuildInfo } from '../sources/prometheus/client.js';
import { PrometheusQueryError, PrometheusTimeoutError } from '../sources/prometheus/errors.js';

/** A connected client and the URL it was made for (named in messages). */
export interface PrometheusEndpoint {
  readonly client: PrometheusClient;
  readonly url: string;
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
