/**
 * Test support: an HTTP proxy in front of a real Prometheus that injects faults per request (5xx, 429, delays,
 * rewritten JSON with warnings/partial flags) and records what clients sent (auth headers, bodies).
 *
 *   const proxy = await startFaultProxy(prom.url, (req, i) => (i === 0 ? { kind: 'respond', status: 503, body: '' } : { kind: 'pass' }));
 */
import { createServer } from 'node:http';
import { freePort } from './processes.js';

export interface ProxiedRequest {
  readonly method: string;
  /** Path and query string, e.g. `/api/v1/query`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** What the proxy does with one request: pass it on, answer itself, delay, or rewrite the upstream JSON. */
export type FaultAction =
  | { readonly kind: 'pass' }
  | {
      readonly kind: 'respond';
      readonly status: number;
      readonly body: string;
      readonly headers?: Record<string, string>;
    }
  | { readonly kind: 'delay'; readonly ms: number }
  | { readonly kind: 'rewrite'; readonly rewrite: (json: Record<string, unknown>) => Record<string, unknown> };

export interface FaultProxy {
  readonly url: string;
  /** Every request seen, in order. */
  readonly requests: ProxiedRequest[];
  stop(): Promise<void>;
}

/**
 * An HTTP proxy in front of a real Prometheus that injects faults (5xx, 429, timeouts, warnings/partial data) per
 * request, and records requests (to check auth headers). `upstream` is the Prometheus base URL.
 */
export async function startFaultProxy(
  upstream: string,
  decide: (req: ProxiedRequest, index: number) => FaultAction,
): Promise<FaultProxy> {
  const requests: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', async () => {
      const seen: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
      const action = decide(seen, requests.push(seen) - 1);
      if (action.kind === 'respond') {
        res
          .writeHead(action.status, { 'content-type': 'application/json', ...(action.headers ?? {}) })
          .end(action.body);
        return;
      }
      if (action.kind === 'delay') await new Promise((r) => setTimeout(r, action.ms));
      try {
        const up = await fetch(`${upstream}${seen.path}`, {
          method: seen.method,
          headers: { 'content-type': String(req.headers['content-type'] ?? 'application/x-www-form-urlencoded') },
          ...(seen.method === 'POST' ? { body } : {}),
        });
        let text = await up.text();
        if (action.kind === 'rewrite')
          text = JSON.stringify(action.rewrite(JSON.parse(text) as Record<string, unknown>));
        if (!res.destroyed) res.writeHead(up.status, { 'content-type': 'application/json' }).end(text);
      } catch (e) {
        if (!res.destroyed) res.writeHead(502).end(String(e));
      }
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })),
  };
}
