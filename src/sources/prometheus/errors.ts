/** Errors of the Prometheus source, with stable codes (cli/ maps them to exit codes). */
import { KubetuneError } from '../../core/errors.js';

/** The server answered with an error (4xx bad query, 5xx after retries, malformed body). */
export class PrometheusQueryError extends KubetuneError {
  readonly code = 'KT_PROM_QUERY';
  readonly url: string;
  readonly status: number;
  readonly errorType: string;
  readonly query: string | undefined;
  /** The message without the query: the same for every query that failed for the same cause. */
  readonly summary: string;
  constructor(opts: { url: string; status: number; errorType: string; detail: string; query?: string | undefined }) {
    const status = opts.status ? `${opts.status} ` : '';
    const summary = `Prometheus ${opts.url} answered ${status}${opts.errorType}: ${opts.detail}`;
    super(`${summary}${opts.query ? ` (query: ${opts.query})` : ''}`);
    this.summary = summary;
    this.url = opts.url;
    this.status = opts.status;
    this.errorType = opts.errorType;
    this.query = opts.query;
  }
}

/** No answer within the configured timeout (after retries). */
export class PrometheusTimeoutError extends KubetuneError {
  readonly code = 'KT_PROM_TIMEOUT';
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`Prometheus ${url} did not answer within ${timeoutMs} ms`);
  }
}

/** The run would exceed its query budget (`--max-queries`). */
export class QueryBudgetExceededError extends KubetuneError {
  readonly code = 'KT_PROM_BUDGET';
  constructor(readonly budget: number) {
    super(`query budget of ${budget} requests exhausted`);
  }
}
