import http from 'node:http';
import https from 'node:https';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/** One HTTP answer from the API server, body fully read (a page of a LIST is bounded by `limit`). */
export interface KubeResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
}

/** The port the live source reads through: a GET on a path of the API server. Faked by the replay server in tests. */
export interface KubeApi {
  /** Base URL of the API server, for messages. */
  readonly server: string;
  get(path: string, query?: Readonly<Record<string, string>>): Promise<KubeResponse>;
  close(): void;
}

/** Produces the per-request headers (bearer tokens from exec/OIDC plugins are refreshed by client-node). */
export type HeaderSource = () => Promise<Record<string, string>>;

export interface HttpKubeApiOptions {
  readonly server: string;
  readonly agent: http.Agent;
  readonly headers: HeaderSource;
  readonly timeoutMs: number;
  readonly userAgent: string;
}

/** The API server over HTTP(S), gzip accepted, keep-alive through the given agent. */
export class HttpKubeApi implements KubeApi {
  readonly server: string;
  constructor(private readonly options: HttpKubeApiOptions) {
    this.server = options.server.replace(/\/+$/, '');
  }

  async get(path: string, query: Readonly<Record<string, string>> = {}): Promise<KubeResponse> {
    const url = new URL(this.server + path);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const headers = {
      ...(await this.options.headers()),
      accept: 'application/json',
      'accept-encoding': 'gzip',
      'user-agent': this.options.userAgent,
    };
    const request = url.protocol === 'https:' ? https.request : http.request;
    return new Promise<KubeResponse>((resolve, reject) => {
      const req = request(
        url,
        { method: 'GET', headers, agent: this.options.agent, timeout: this.options.timeoutMs },
        (res) => {
          const stream: Readable = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: flatHeaders(res.headers), body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.options.timeoutMs} ms`)));
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.options.agent.destroy();
  }
}

function flatHeaders(h: http.IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(h)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
