/** One HTTP(S) request with TLS options and a hard timeout (connect + headers + body). */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface TlsOptions {
  /** PEM CA bundle contents (read by the caller from --ca-file). */
  readonly ca?: string | Buffer;
  readonly cert?: string | Buffer;
  readonly key?: string | Buffer;
  /** Skip server certificate verification (`--insecure-skip-tls-verify`). */
  readonly insecureSkipVerify?: boolean;
  readonly serverName?: string;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly tls?: TlsOptions;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Thrown (internally) when the timeout fires; the client turns it into PrometheusTimeoutError. */
export class TimeoutSignal extends Error {}

export function sendRequest(req: HttpRequest): Promise<HttpResponse> {
  const https = req.url.protocol === 'https:';
  const send = https ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const r = send(
      req.url,
      {
        method: req.method,
        headers: {
          ...req.headers,
          ...(req.body !== undefined ? { 'content-length': Buffer.byteLength(req.body) } : {}),
        },
        ...(https && req.tls
          ? {
              ca: req.tls.ca,
              cert: req.tls.cert,
              key: req.tls.key,
              rejectUnauthorized: !req.tls.insecureSkipVerify,
              servername: req.tls.serverName,
            }
          : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    const timer = setTimeout(() => r.destroy(new TimeoutSignal(`timeout after ${req.timeoutMs} ms`)), req.timeoutMs);
    r.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}
