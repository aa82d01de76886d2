/** Errors with stable codes. Only `cli/` maps codes to exit codes. */
export abstract class KubetuneError extends Error {
  abstract readonly code: `KT_${string}`;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class UsageError extends KubetuneError {
  readonly code = 'KT_USAGE';
}

export class ConfigError extends KubetuneError {
  readonly code = 'KT_CONFIG';
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    options?: ErrorOptions,
  ) {
    super(file ? `${file}${line ? `:${line}` : ''}: ${message}` : message, options);
  }
}

export class InputError extends KubetuneError {
  readonly code = 'KT_INPUT';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    options?: ErrorOptions,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`, options);
  }
}

export class QuantityError extends KubetuneError {
  readonly code = 'KT_QUANTITY';
  constructor(readonly input: string) {
    super(`not a Kubernetes quantity: ${JSON.stringify(input)}`);
  }
}

export class SourceUnavailableError extends KubetuneError {
  readonly code = 'KT_SOURCE_UNAVAILABLE';
  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    super(`${target} did not answer${cause instanceof Error ? `: ${cause.message}` : ''}`, { cause });
  }
}

export class PrometheusUnavailableError extends KubetuneError {
  readonly code = 'KT_PROM_UNAVAILABLE';
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`Prometheus at ${url} did not answer${cause instanceof Error ? `: ${cause.message}` : ''}`, { cause });
  }
}

/** Prometheus answered, but no query could be used (5xx on every query, or not a Prometheus API): exit 3. */
export class PrometheusUnusableError extends KubetuneError {
  readonly code = 'KT_PROM_UNUSABLE';
  constructor(
    readonly url: string,
    summary: string,
  ) {
    super(`Prometheus at ${url} is unusable: every query failed: ${summary}`);
  }
}

export class RuleDefinitionError extends KubetuneError {
  readonly code = 'KT_RULE_DEFINITION';
}

export const isKubetuneError = (e: unknown): e is KubetuneError => e instanceof KubetuneError;
