/** Errors of the Prometheus source, with stable codes (cli/ maps them to exit codes). */
import { KubetuneError } from '../../core/errors.js';

/** The server answered with an error (4xx bad query, 5xx after retries, malformed body). */
export class PrometheusQueryError extends KubetuneError {
  readonly code = 'KT_PROM_QUERY';
  constructor(
    readonly url: string,
    readonly status: number,
    readonly errorType: string,
    detail: string,
    readonly query?: string,
  ) {
    super(
      `Prometheus ${url} answered ${status || ''} ${errorType}: ${detail}${query ? ` (query: ${query})` : ''}`.replace(
        '  ',
        ' ',
      ),
    );
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
