/**
 * A local stand-in for the Kubernetes API server with the list semantics kubetune depends on:
 * paging (limit/continue, items sorted by namespace/name as etcd returns them), resourceVersion, continue tokens
 * that expire (410 Expired), 403 for chosen resources, 429 with Retry-After, slow answers, gzip, bearer tokens,
 * discovery (/api, /apis, /version), nodes/{name}/proxy/configz and /metrics. Collections may be virtual
 * (item i generated on demand) so 150,000 pods cost the server no memory.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import {
  arrayCollection,
  BUILTIN_RESOURCES,
  decodeToken,
  encodeToken,
  fieldValue,
  forbidden,
  gvKey,
  pluralOf,
  sortKey,
  status,
  type Collection,
  type ReplayObject,
  type Send,
} from './replay-api.js';

const EXPIRED = status(
  410,
  'Expired',
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
);

export { BUILTIN_RESOURCES, pluralOf, type Collection, type ReplayObject } from './replay-api.js';

export interface ReplayOptions {
  readonly objects?: readonly ReplayObject[];
  /** Serve the built-in resources (empty when no object is given); false models a server with only the given ones. */
  readonly builtin?: boolean;
  /** Extra virtual collections keyed by `group/version/resource` (core: `/v1/pods`). */
  readonly virtual?: Readonly<Record<string, Collection>>;
  /** Resources (plural, e.g. `pods`, `nodes/proxy`, `/metrics`) answered with 403. */
  readonly forbidden?: readonly string[];
  /** Continue tokens older than this are answered with 410 Expired. */
  readonly continueTtlMs?: number;
  /** The first continued request for these resources gets 410 Expired (once each). */
  readonly expireOnce?: readonly string[];
  /** The first `count` requests whose path contains `pathIncludes` get 429 with Retry-After. */
  readonly throttle?: { readonly count: number; readonly retryAfterSeconds: number; readonly pathIncludes?: string };
  readonly delayMs?: number;
  /** RBAC as the API server applies it: false answers 403. */
  readonly authorize?: (attrs: RequestAttributes) => boolean;
  /** When set, requests must carry `Authorization: Bearer <token>`. */
  readonly bearerToken?: string;
  /** Serve HTTPS with this key and certificate (PEM). */
  readonly tls?: { readonly key: string; readonly cert: string };
  readonly gitVersion?: string;
  readonly configz?: (node: string) => Record<string, unknown> | undefined;
  readonly metricsText?: string;
}

/** Kubernetes authorizer attributes of a request (resource requests, or a non-resource path). */
export interface RequestAttributes {
  readonly verb: 'get' | 'list';
  readonly group?: string;
  readonly resource?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly path?: string;
}

export interface RecordedRequest {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
  readonly authorization?: string;
}

export interface ReplayServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startReplayServer(options: ReplayOptions): Promise<ReplayServer> {
  const grouped = new Map<string, ReplayObject[]>();
  for (const o of options.objects ?? []) {
    const k = gvKey(o.apiVersion, pluralOf(o.kind));
    grouped.set(k, [...(grouped.get(k) ?? []), o]);
  }
  const collections = new Map<string, Collection>();
  if (options.builtin !== false)
    for (const k of BUILTIN_RESOURCES) collections.set(k, { size: 0, at: () => ({ apiVersion: 'v1', kind: 'None' }) });
  for (const [k, c] of Object.entries(options.virtual ?? {})) collections.set(k, c);
  for (const [k, items] of grouped)
    collections.set(k, arrayCollection(items.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))));
  const state = { rv: 1000, throttled: 0, expired: new Set<string>() };
  const filtered = new Map<string, number[]>();
  const requests: RecordedRequest[] = [];

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://replay');
    const query = Object.fromEntries(url.searchParams);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      requests.push({
        path: url.pathname,
        query,
        status,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      });
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const zip = text.length > 128 * 1024 && /gzip/.test(String(req.headers['accept-encoding']));
      const payload = zip ? gzipSync(text) : Buffer.from(text);
      const type = typeof body === 'string' ? 'text/plain; version=0.0.4' : 'application/json';
      setTimeout(() => {
        res.writeHead(status, { 'content-type': type, ...(zip ? { 'content-encoding': 'gzip' } : {}), ...headers });
        res.end(payload);
      }, options.delayMs ?? 0);
    };
    handle(req, url, query, send);
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, listener) : createServer(listener);

  const deny = (a: RequestAttributes): boolean => options.authorize !== undefined && !options.authorize(a);

  function handle(req: IncomingMessage, url: URL, query: Record<string, string>, send: Send): void {
    const path = url.pathname;
    if (options.bearerToken !== undefined && req.headers.authorization !== `Bearer ${options.bearerToken}`)
      return send(401, status(401, 'Unauthorized', 'Unauthorized'));
    if (throttled(path, send) || nonResource(path, send) || configz(path, send)) return;
    resourceRequest(path, query, send);
  }

  function throttled(path: string, send: Send): boolean {
    const t = options.throttle;
    if (!t || state.throttled >= t.count || (t.pathIncludes !== undefined && !path.includes(t.pathIncludes)))
      return false;
    state.throttled++;
    send(429, status(429, 'TooManyRequests', 'Too many requests, please try again later.'), {
      'retry-after': String(t.retryAfterSeconds),
    });
    return true;
  }

  function nonResource(path: string, send: Send): boolean {
    const git = options.gitVersion ?? 'v1.35.0';
    const answers: Record<string, () => unknown> = {
      '/version': () => ({ major: '1', minor: git.split('.')[1], gitVersion: git }),
      '/api': () => ({ kind: 'APIVersions', versions: ['v1'] }),
      '/apis': apiGroupList,
      '/metrics': () => options.metricsText ?? '# no metrics\n',
    };
    const answer = answers[path];
    if (!answer) return false;
    if (isForbidden(path) || deny({ verb: 'get', path })) send(403, forbidden(path, 'get'));
    else send(200, answer());
    return true;
  }

  function configz(path: string, send: Send): boolean {
    const node = /^\/api\/v1\/nodes\/([^/]+)\/proxy\/configz$/.exec(path)?.[1];
    if (node === undefined) return false;
    if (isForbidden('nodes/proxy') || deny({ verb: 'get', group: '', resource: 'nodes/proxy', name: node }))
      send(403, forbidden('nodes/proxy', 'get'));
    else {
      const cfg = options.configz?.(decodeURIComponent(node));
      if (cfg) send(200, { kubeletconfig: cfg });
      else send(404, status(404, 'NotFound', 'configz not found'));
    }
    return true;
  }

  function resourceRequest(path: string, query: Record<string, string>, send: Send): void {
    const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(path);
    if (!m) return send(404, status(404, 'NotFound', `the server could not find the requested resource (${path})`));
    const [, coreV, group, groupV, ns, resource = '', name] = m;
    const key = coreV ? `/${coreV}/${resource}` : `${group}/${groupV}/${resource}`;
    const attrs: RequestAttributes = {
      verb: name ? 'get' : 'list',
      group: group ?? '',
      resource,
      ...(ns ? { namespace: ns } : {}),
      ...(name ? { name } : {}),
    };
    if (isForbidden(resource) || deny(attrs)) return send(403, forbidden(resource, attrs.verb, ns));
    const coll = collections.get(key);
    if (!coll) return send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
    if (name === undefined) return list({ key, resource, coll, ns }, query, send);
    const idx = indexes(key, coll, ns, undefined).find((i) => coll.at(i).metadata?.name === name);
    if (idx === undefined) send(404, status(404, 'NotFound', `${resource} "${name}" not found`));
    else send(200, coll.at(idx));
  }

  /** Where a continued list resumes, or the status to answer: 400 for a bad token, 410 for an expired one. */
  function resume(resource: string, token: string | undefined): { start: number; rv: string } | 400 | 410 {
    if (!token) return { start: 0, rv: String(state.rv) };
    const tok = decodeToken(token);
    if (!tok) return 400;
    const ttlOver = options.continueTtlMs !== undefined && Date.now() - tok.at > options.continueTtlMs;
    const once = (options.expireOnce ?? []).includes(resource) && !state.expired.has(resource);
    if (!ttlOver && !once) return { start: tok.start, rv: tok.rv };
    state.expired.add(resource);
    return 410;
  }

  function list(
    target: { key: string; resource: string; coll: Collection; ns: string | undefined },
    query: Record<string, string>,
    send: Send,
  ): void {
    const { key, resource, coll, ns } = target;
    const limit = Number(query['limit'] ?? 0) || Infinity;
    const from = resume(resource, query['continue']);
    if (typeof from === 'number')
      return send(from, from === 410 ? EXPIRED : status(400, 'BadRequest', 'continue key is not valid'));
    const { start, rv } = from;
    const idx = indexes(key, coll, ns, query['fieldSelector']);
    const end = Math.min(idx.length, start + limit);
    const items = idx.slice(start, end).map((i) => coll.at(i));
    const cont = end < idx.length ? encodeToken({ rv, start: end, at: Date.now() }) : undefined;
    const first = items[0];
    const listKind = `${first?.kind ?? 'Object'}List`;
    const [g, v] = key.split('/');
    send(200, {
      kind: listKind,
      apiVersion: g ? `${g}/${v}` : (v ?? 'v1'),
      metadata: { resourceVersion: rv, ...(cont ? { continue: cont, remainingItemCount: idx.length - end } : {}) },
      items,
    });
  }

  function indexes(key: string, coll: Collection, ns: string | undefined, fieldSelector: string | undefined): number[] {
    if (ns === undefined && !fieldSelector) return Array.from({ length: coll.size }, (_, i) => i);
    const cacheKey = `${key}|${ns ?? ''}|${fieldSelector ?? ''}`;
    const cached = filtered.get(cacheKey);
    if (cached) return cached;
    const terms = (fieldSelector ?? '')
      .split(',')
      .filter(Boolean)
      .map((t) => t.split('=') as [string, string]);
    const out: number[] = [];
    for (let i = 0; i < coll.size; i++) {
      const o = coll.at(i);
      if (ns !== undefined && o.metadata?.namespace !== ns) continue;
      if (terms.every(([f, v]) => String(fieldValue(o, f)) === v)) out.push(i);
    }
    filtered.set(cacheKey, out);
    return out;
  }

  function apiGroupList(): unknown {
    const groups = new Map<string, Set<string>>();
    for (const k of collections.keys()) {
      const [g, v] = k.split('/');
      if (g) groups.set(g, (groups.get(g) ?? new Set()).add(v ?? ''));
    }
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groups].map(([name, vs]) => ({
        name,
        versions: [...vs].map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
      })),
    };
  }

  const isForbidden = (r: string): boolean => (options.forbidden ?? []).includes(r);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
