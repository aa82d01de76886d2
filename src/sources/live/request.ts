import { KubeApiError } from './errors.js';
import type { KubeApi, KubeResponse } from './transport.js';

export interface RetryPolicy {
  /** Attempts for one request, the first included. */
  readonly attempts: number;
  /** Attempts when the server does not answer at all (refused, reset, timeout): fail fast on a wrong address. */
  readonly networkAttempts: number;
  /** Longest wait honoured from a Retry-After header, and the cap of the exponential backoff. */
  readonly maxWaitMs: number;
  /** First backoff for 5xx and network errors, doubled each time. */
  readonly baseBackoffMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Told about each wait, for progress output. */
  readonly onWait?: (info: { path: string; status: number; waitMs: number; attempt: number }) => void;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 8,
  networkAttempts: 3,
  maxWaitMs: 30_000,
  baseBackoffMs: 250,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/**
 * GET with the API server's back-pressure honoured: 429 waits for Retry-After (seconds, as the API server sends),
 * 5xx and network errors back off exponentially. Other statuses are returned to the caller.
 */
export async function getWithRetry(
  api: KubeApi,
  path: string,
  query: Readonly<Record<string, string>> = {},
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<KubeResponse> {
  let lastError: unknown;
  let networkFailures = 0;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    const res = await api.get(path, query).catch((e: unknown) => {
      lastError = e;
      networkFailures++;
      return undefined;
    });
    if (res && !isRetryable(res.status)) return res;
    if (res) lastError = new KubeApiError(api.server + path, res.status, statusMessage(res));
    if (attempt === policy.attempts || networkFailures >= policy.networkAttempts) break;
    const waitMs = res?.status === 429 ? retryAfterMs(res, policy) : backoffMs(attempt, policy);
    policy.onWait?.({ path, status: res?.status ?? 0, waitMs, attempt });
    await policy.sleep(waitMs);
  }
  if (lastError instanceof KubeApiError) throw lastError;
  throw new KubeApiError(api.server + path, 0, `no answer: ${messageOf(lastError)}`, { cause: lastError });
}

/** 429 and 5xx are worth another try; anything else (200, 401, 403, 404, 410...) is the caller's to handle. */
const isRetryable = (status: number): boolean => status === 429 || status >= 500;

function retryAfterMs(res: KubeResponse, policy: RetryPolicy): number {
  const header = res.headers['retry-after'];
  const seconds = header !== undefined && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
  const date = header !== undefined && seconds === undefined ? Date.parse(header) - Date.now() : undefined;
  const ms =
    seconds !== undefined ? seconds * 1000 : date !== undefined && Number.isFinite(date) ? date : policy.baseBackoffMs;
  return Math.min(Math.max(ms, 0), policy.maxWaitMs);
}

const backoffMs = (attempt: number, policy: RetryPolicy): number =>
  Math.min(policy.baseBackoffMs * 2 ** (attempt - 1), policy.maxWaitMs);

/** The `message` of a Kubernetes Status body, or the start of the body. */
export function statusMessage(res: KubeResponse): string {
  const text = res.body.toString('utf8', 0, Math.min(res.body.length, 4096));
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { message?: unknown }).message === 'string')
      return (parsed as { message: string }).message;
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.trim().slice(0, 300) || `HTTP ${res.status}`;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
