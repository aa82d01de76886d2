import { KubetuneError } from '../core/errors.js';

/** Tool output that is not what the tool writes (truncated, foreign, or the tool's own error document). */
export class BenchOutputError extends KubetuneError {
  readonly code = 'KT_BENCH_OUTPUT';
  constructor(
    readonly source: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${source}: ${message}`, options);
  }
}

/** A benchmark that failed or was interrupted (not schedulable, deadline passed, tool missing). */
export class BenchRunError extends KubetuneError {
  readonly code = 'KT_BENCH_RUN';
}
