/**
 * Prometheus HTTP API client (https://prometheus.io/docs/prometheus/latest/querying/api/) for Prometheus, Thanos,
 * Mimir and VictoriaMetrics: base URL with a path prefix, bearer/basic auth, custom headers, TLS, timeouts, retries
 * with backoff on 5xx/429/network errors, bounded concurrency, a query budget, long ranges split into chunks,
 * `warnings` and partial responses surfaced on every result.
 */
import { PrometheusUnavailableError } from '../../core/errors.js';
import type { InstantResult, Labels, PromApi, RangeResult, RangeSeries, TimeWindow } from '../../model/prom-api.js';
import { PrometheusQueryError, PrometheusTimeoutError } from './errors.js';
import { Limiter, type QueryStats } from './limiter.js';
import { mergeRangeChunks, splitRange } from './range.js';
import { sendRequest, TimeoutSignal, type HttpResponse, type TlsOptions } from './transport.js';

export interface PrometheusClientOptions {
  /** Base URL including any path prefix, e.g. `https://thanos.example.com/prometheus`. */
  readonly url: string;
  readonly bearerToken?: string;
  readonly basicAuth?: { readonly username: string; readonly password: string };
  /** Extra headers, e.g. `X-Scope-OrgID` for Mimir tenants. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly tls?: TlsOptions;
  /** Per attempt. Default 30 s. */
  readonly timeoutMs?: number;
  /** Attempts after the first on 5xx/429/network errors. Default 3. */
  readonly retries?: number;
  /** First backoff; doubles per attempt (capped at 10 s); `Retry-After` wins when present. Default 250 ms. */
  readonly backoffMs?: number;
  /** Concurrent requests. Default 4. */
  readonly maxConcurrency?: number;
  /** Maximum API calls for the client's lifetime; unlimited when absent. */
  readonly budget?: number;
  /** Points per series per range request before the range is split (Prometheus refuses > 11,000). */
  readonly maxPointsPerRequest?: number;
  /** Injected for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface BuildInfo {
  readonly version: string;
  readonly revision?: string;
  readonly [key: string]: unknown;
}
export interface MetricMetadata {
  readonly type: string;
  readonly help: string;
  readonly unit: string;
}

interface ApiBody {
  status?: string;
  data?: unknown;
  errorType?: string;
  error?: string;
  warnings?: string[];
  isPartial?: boolean;
}
interface ApiAnswer {
  readonly data: unknown;
  readonly warnings: readonly string[];
  readonly partial: boolean;
}

const RETRYABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Prometheus encodes sample values as strings, with `+Inf`/`-Inf`/`NaN`. */
export function parseSampleValue(v: unknown): number {
  if (v === '+Inf' || v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  return Number(v);
}

export class PrometheusClient implements PromApi {
  private readonly base: string;
  private readonly limiter: Limiter;
  private readonly headers: Record<string, string>;

  constructor(private readonly opts: PrometheusClientOptions) {
    this.base = opts.url.replace(/\/+$/, '');
    this.limiter = new Limiter(Math.max(1, opts.maxConcurrency ?? 4), opts.budget);
    this.headers = { accept: 'application/json', 'user-agent': 'kubetune', ...(opts.headers ?? {}) };
    if (opts.bearerToken) this.headers['authorization'] = `Bearer ${opts.bearerToken}`;
    else if (opts.basicAuth) {
      const token = Buffer.from(`${opts.basicAuth.username}:${opts.basicAuth.password}`).toString('base64');
      this.headers['authorization'] = `Basic ${token}`;
    }
  }

  /** Calls, retries and bytes so far (the command prints it). */
  stats(): QueryStats {
    return this.limiter.snapshot();
  }

  async instantQuery(promql: string, opts: { readonly timeSeconds?: number } = {}): Promise<InstantResult> {
    const params: Record<string, string> = { query: promql };
    if (opts.timeSeconds !== undefined) params['time'] = String(opts.timeSeconds);
    const answer = await this.call('POST', '/api/v1/query', params, promql);
    const data = answer.data as { resultType?: string; result?: unknown };
    if (data?.resultType === 'scalar' || data?.resultType === 'string') {
      const [, v] = (data.result as [number, string]) ?? [];
      return {
        series: [{ labels: {}, value: parseSampleValue(v) }],
        warnings: answer.warnings,
        partial: answer.partial,
      };
    }
    const result = (Array.isArray(data?.result) ? data.result : []) as { metric?: Labels; value?: [number, string] }[];
    return {
      series: result.map((r) => ({ labels: r.metric ?? {}, value: parseSampleValue(r.value?.[1]) })),
      warnings: answer.warnings,
      partial: answer.partial,
    };
  }

  /** Range query; ranges with more than `maxPointsPerRequest` steps are split and fetched concurrently. */
  async rangeQuery(promql: string, window: TimeWindow): Promise<RangeResult> {
    const chunks = splitRange(window, this.opts.maxPointsPerRequest ?? 11_000);
    const parts = await Promise.all(
      chunks.map(async (c) => {
        const params = {
          query: promql,
          start: String(c.startSeconds),
          end: String(c.endSeconds),
          step: String(c.stepSeconds),
        };
        const answer = await this.call('POST', '/api/v1/query_range', params, promql);
        const result = ((answer.data as { result?: unknown })?.result ?? []) as {
          metric?: Labels;
          values?: [number, string][];
        }[];
        const series: RangeSeries[] = result.map((r) => ({
          labels: r.metric ?? {},
          values: (r.values ?? []).map(([t, v]) => [t, parseSampleValue(v)] as const),
        }));
        return { series, warnings: answer.warnings, partial: answer.partial };
      }),
    );
    return mergeRangeChunks(parts);
  }

  async series(
    match: readonly string[],
    range?: { startSeconds: number; endSeconds: number },
  ): Promise<readonly Labels[]> {
    const params = new URLSearchParams();
    for (const m of match) params.append('match[]', m);
    if (range) {
      params.set('start', String(range.startSeconds));
      params.set('end', String(range.endSeconds));
    }
    return (await this.call('POST', '/api/v1/series', params)).data as Labels[];
  }

  async labelNames(): Promise<readonly string[]> {
    return (await this.call('GET', '/api/v1/labels')).data as string[];
  }

  async labelValues(label: string): Promise<readonly string[]> {
    return (await this.call('GET', `/api/v1/label/${encodeURIComponent(label)}/values`)).data as string[];
  }

  async metadata(metric?: string): Promise<Readonly<Record<string, readonly MetricMetadata[]>>> {
    const params = metric ? { metric } : undefined;
    return (await this.call('GET', '/api/v1/metadata', params)).data as Record<string, MetricMetadata[]>;
  }

  /** `/api/v1/status/buildinfo` (Prometheus ≥ 2.14, Thanos, Mimir; VictoriaMetrics answers a subset). */
  async buildInfo(): Promise<BuildInfo> {
    return (await this.call('GET', '/api/v1/status/buildinfo')).data as BuildInfo;
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    params?: Record<string, string> | URLSearchParams,
    query?: string,
  ): Promise<ApiAnswer> {
    const search = params instanceof URLSearchParams ? params : new URLSearchParams(params ?? {});
    const url = new URL(`${this.base}${path}${method === 'GET' && [...search].length ? `?${search}` : ''}`);
    const headers =
      method === 'POST' ? { ...this.headers, 'content-type': 'application/x-www-form-urlencoded' } : this.headers;
    const body = method === 'POST' ? search.toString() : undefined;
    return this.limiter.run(async () => {
      const started = performance.now();
      try {
        const res = await this.withRetries(() =>
          sendRequest({
            method,
            url,
            headers,
            timeoutMs: this.opts.timeoutMs ?? 30_000,
            ...(body !== undefined ? { body } : {}),
            ...(this.opts.tls ? { tls: this.opts.tls } : {}),
          }),
        );
        this.limiter.record({ bytes: res.body.length });
        const answer = this.decode(res, url, query);
        if (answer.warnings.length || answer.partial) this.limiter.record({ warnings: 1 });
        return answer;
      } catch (e) {
        this.limiter.record({ failures: 1 });
        throw e;
      } finally {
        this.limiter.record({ busyMs: performance.now() - started });
      }
    });
  }

  private async withRetries(send: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const retries = Math.max(0, this.opts.retries ?? 3);
    const sleep = this.opts.sleep ?? defaultSleep;
    for (let attempt = 0; ; attempt++) {
      let retryAfterMs: number | undefined;
      try {
        const res = await send();
        if (!(res.status === 429 || res.status >= 500) || attempt >= retries) return res;
        const header = Number(res.headers['retry-after']);
        if (Number.isFinite(header) && header >= 0) retryAfterMs = Math.min(header * 1000, 30_000);
      } catch (e) {
        if (!this.isRetryable(e) || attempt >= retries) throw this.networkError(e);
      }
      this.limiter.record({ retries: 1 });
      await sleep(retryAfterMs ?? Math.min((this.opts.backoffMs ?? 250) * 2 ** attempt, 10_000));
    }
  }

  private isRetryable(e: unknown): boolean {
    return e instanceof TimeoutSignal || RETRYABLE_CODES.has((e as NodeJS.ErrnoException)?.code ?? '');
  }

  private networkError(e: unknown): Error {
    if (e instanceof TimeoutSignal) return new PrometheusTimeoutError(this.base, this.opts.timeoutMs ?? 30_000);
    return new PrometheusUnavailableError(this.base, e);
  }

  private decode(res: HttpResponse, url: URL, query?: string): ApiAnswer {
    let body: ApiBody;
    try {
      body = JSON.parse(res.body) as ApiBody;
    } catch {
      const snippet = res.body.slice(0, 200).replace(/\s+/g, ' ');
      throw new PrometheusQueryError({
        url: url.toString(),
        status: res.status,
        errorType: 'bad_response',
        detail: `not JSON: ${snippet}`,
        query,
      });
    }
    if (res.status >= 400 || body.status !== 'success') {
      throw new PrometheusQueryError({
        url: url.toString(),
        status: res.status,
        errorType: body.errorType ?? 'error',
        detail: body.error ?? 'no error message',
        query,
      });
    }
    const warnings = Array.isArray(body.warnings) ? body.warnings.map(String) : [];
    const partial = body.isPartial === true || warnings.some((w) => /partial/i.test(w));
    return { data: body.data, warnings, partial };
  }
}
