/** The Prometheus connection flags (options-prometheus.ts) → the settings app/prometheus.ts connects with. */
import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import type { PrometheusFlavorName } from '../knowledge/prometheus-flavors.js';
import type { PrometheusSettings } from '../app/prometheus.js';

/** The parsed values of the connection flags, as commander hands them over. */
export interface PromFlags {
  readonly prometheus?: string;
  readonly prometheusFlavor?: PrometheusFlavorName;
  readonly prometheusToken?: string;
  readonly bearerTokenFile?: string;
  readonly basicAuthUser?: string;
  readonly basicAuthPasswordFile?: string;
  readonly header?: readonly string[];
  readonly caFile?: string;
  readonly insecureSkipTlsVerify?: boolean;
  /** Seconds. */
  readonly timeout?: number;
  readonly retries?: number;
  readonly concurrency?: number;
  readonly maxQueries?: number;
}

function readSecret(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (e) {
    throw new UsageError(`${flag}: cannot read ${file}: ${(e as Error).message}`);
  }
}

function parseHeaders(list: readonly string[] = []): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of list) {
    const i = h.indexOf(':');
    if (i <= 0) throw new UsageError(`--header: expected "Name: value", got ${JSON.stringify(h)}`);
    headers[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
  }
  return headers;
}

function secrets(flags: PromFlags, env: Readonly<Record<string, string | undefined>>) {
  return {
    token: flags.bearerTokenFile
      ? readSecret(flags.bearerTokenFile, '--bearer-token-file')
      : (flags.prometheusToken ?? env['KUBETUNE_PROMETHEUS_TOKEN']),
    password: flags.basicAuthPasswordFile
      ? readSecret(flags.basicAuthPasswordFile, '--basic-auth-password-file')
      : (env['KUBETUNE_PROMETHEUS_PASSWORD'] ?? ''),
    ca: flags.caFile ? readSecret(flags.caFile, '--ca-file') : undefined,
  };
}

/** The client's tuning: what the user set, the client's defaults otherwise. */
const tuning = (flags: PromFlags) => ({
  ...(flags.timeout !== undefined ? { timeoutSeconds: flags.timeout } : {}),
  ...(flags.retries !== undefined ? { retries: flags.retries } : {}),
  ...(flags.concurrency !== undefined ? { maxConcurrency: flags.concurrency } : {}),
  ...(flags.maxQueries !== undefined ? { budget: flags.maxQueries } : {}),
});

/**
 * Secrets come from files or the environment (KUBETUNE_PROMETHEUS_TOKEN, KUBETUNE_PROMETHEUS_PASSWORD): a flag
 * value lands in shell history. `what` names the command in the message when no URL is given.
 */
export function prometheusSettings(
  flags: PromFlags,
  env: Readonly<Record<string, string | undefined>>,
  what = 'this command',
): PrometheusSettings {
  const url = flags.prometheus;
  if (!url) throw new UsageError(`${what} needs --prometheus <url> (or $KUBETUNE_PROMETHEUS_URL)`);
  if (!/^https?:\/\//.test(url))
    throw new UsageError(`--prometheus: expected an http(s) URL, got ${JSON.stringify(url)}`);
  const { token, password, ca } = secrets(flags, env);
  return {
    url,
    ...(flags.prometheusFlavor ? { flavor: flags.prometheusFlavor } : {}),
    ...(token ? { bearerToken: token } : {}),
    ...(flags.basicAuthUser ? { basicAuth: { username: flags.basicAuthUser, password } } : {}),
    headers: parseHeaders(flags.header),
    ...(ca || flags.insecureSkipTlsVerify
      ? { tls: { ...(ca ? { ca } : {}), insecureSkipVerify: Boolean(flags.insecureSkipTlsVerify) } }
      : {}),
    ...tuning(flags),
  };
}
