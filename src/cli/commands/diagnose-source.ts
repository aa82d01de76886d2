/** Old flag parsers, kept for `predict` until its flags move into the option table (cli/options*.ts). */
/** Flags → a Prometheus client or an offline scrape, for `kubetune diagnose`. */
import { readFileSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';
import { PrometheusClient } from '../../sources/prometheus/client.js';

export interface PromFlags {
  readonly prometheus?: string;
  readonly bearerTokenFile?: string;
  readonly basicAuthUser?: string;
  readonly basicAuthPasswordFile?: string;
  readonly header?: string[];
  readonly caFile?: string;
  readonly insecureSkipTlsVerify?: boolean;
  readonly timeout: string;
  readonly retries: string;
  readonly concurrency: string;
  readonly maxQueries?: string;
}

const UNITS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

/** Prometheus duration (`90s`, `1h30m`, `7d`) → seconds. */
export function parsePromDuration(text: string, flag: string): number {
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/gy;
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    total += Number(m[1]) * UNITS[m[2]!]!;
    consumed += m[0].length;
  }
  if (consumed !== text.length || consumed === 0 || total <= 0) {
    throw new UsageError(`${flag}: not a duration: ${JSON.stringify(text)} (use e.g. 30m, 1h, 7d)`);
  }
  return total;
}

export function parsePositiveInt(text: string, flag: string, min = 0): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`${flag}: expected an integer ≥ ${min}, got ${JSON.stringify(text)}`);
  return n;
}

/** `--time`: RFC 3339 or unix seconds → unix seconds. */
export function parseTime(text: string): number {
  const n = Number(text);
  if (Number.isFinite(n) && text.trim() !== '') return n;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new UsageError(`--time: not a unix time or RFC 3339 date: ${JSON.stringify(text)}`);
  return ms / 1000;
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

/** The bearer token comes from --bearer-token-file or KUBETUNE_PROMETHEUS_TOKEN (never a flag: shell history). */
export function clientFromFlags(flags: PromFlags, env: Readonly<Record<string, string | undefined>>): PrometheusClient {
  const url = flags.prometheus!;
  if (!/^https?:\/\//.test(url))
    throw new UsageError(`--prometheus: expected an http(s) URL, got ${JSON.stringify(url)}`);
  const token = flags.bearerTokenFile
    ? readSecret(flags.bearerTokenFile, '--bearer-token-file')
    : env['KUBETUNE_PROMETHEUS_TOKEN'];
  const password = flags.basicAuthPasswordFile
    ? readSecret(flags.basicAuthPasswordFile, '--basic-auth-password-file')
    : (env['KUBETUNE_PROMETHEUS_PASSWORD'] ?? '');
  const ca = flags.caFile ? readSecret(flags.caFile, '--ca-file') : undefined;
  return new PrometheusClient({
    url,
    ...(token ? { bearerToken: token } : {}),
    ...(flags.basicAuthUser ? { basicAuth: { username: flags.basicAuthUser, password } } : {}),
    headers: parseHeaders(flags.header),
    ...(ca || flags.insecureSkipTlsVerify
      ? { tls: { ...(ca ? { ca } : {}), insecureSkipVerify: Boolean(flags.insecureSkipTlsVerify) } }
      : {}),
    timeoutMs: parsePromDuration(flags.timeout, '--timeout') * 1000,
    retries: parsePositiveInt(flags.retries, '--retries'),
    maxConcurrency: parsePositiveInt(flags.concurrency, '--concurrency', 1),
    ...(flags.maxQueries ? { budget: parsePositiveInt(flags.maxQueries, '--max-queries', 1) } : {}),
  });
}
