import { isRecord, type KubeObject } from '../../model/object.js';
import { KubeApiError } from './errors.js';
import { getWithRetry, statusMessage, type RetryPolicy } from './request.js';
import type { KubeApi } from './transport.js';

export interface ListOptions {
  /** `apiVersion` and `kind` to stamp on items (the API server leaves them out of list items). */
  readonly apiVersion: string;
  readonly kind: string;
  readonly limit: number;
  readonly fieldSelector?: string;
  readonly policy: RetryPolicy;
  /** Restarts allowed when a continue token expires (410) before giving up. */
  readonly maxRestarts?: number;
  /** Receives each page's items, already trimmed; awaited, so a slow consumer slows the listing (back-pressure). */
  readonly onPage: (items: KubeObject[]) => void | Promise<void>;
}

export type ListOutcome =
  | {
      readonly status: 'ok';
      readonly items: number;
      readonly pages: number;
      readonly restarts: number;
      readonly resourceVersion?: string;
    }
  | { readonly status: 'forbidden'; readonly message: string }
  | { readonly status: 'not-found'; readonly message: string };

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * LISTs a collection page by page (`limit` + `continue`). When a continue token has expired (410 Gone) the list
 * is restarted from the beginning and items already delivered (by uid) are not delivered again.
 */
export async function listPaged(api: KubeApi, path: string, options: ListOptions): Promise<ListOutcome> {
  const seen = new Set<string>();
  const maxRestarts = options.maxRestarts ?? 3;
  let restarts = 0;
  let pages = 0;
  let items = 0;
  let token: string | undefined;
  let resourceVersion: string | undefined;
  for (;;) {
    const res = await getWithRetry(api, path, pageQuery(options, token), options.policy);
    if (res.status === 403) return { status: 'forbidden', message: statusMessage(res) };
    if (res.status === 404) return { status: 'not-found', message: statusMessage(res) };
    if (res.status === 410 && token !== undefined && restarts < maxRestarts) {
      restarts++;
      token = undefined;
      continue;
    }
    if (res.status !== 200) throw new KubeApiError(api.server + path, res.status, statusMessage(res));
    const page = parseList(res.body, api.server + path);
    pages++;
    resourceVersion = page.resourceVersion ?? resourceVersion;
    const fresh = freshItems(page.items, seen, options);
    items += fresh.length;
    if (fresh.length > 0) await options.onPage(fresh);
    token = page.continue;
    if (token === undefined) break;
  }
  return { status: 'ok', items, pages, restarts, ...(resourceVersion !== undefined ? { resourceVersion } : {}) };
}

function pageQuery(options: ListOptions, token: string | undefined): Record<string, string> {
  const query: Record<string, string> = { limit: String(options.limit) };
  if (token !== undefined) query['continue'] = token;
  if (options.fieldSelector !== undefined) query['fieldSelector'] = options.fieldSelector;
  return query;
}

/** Items of a page stamped with apiVersion/kind and trimmed, minus those already delivered before a restart. */
function freshItems(raw: readonly unknown[], seen: Set<string>, options: ListOptions): KubeObject[] {
  const fresh: KubeObject[] = [];
  for (const item of raw) {
    if (!isRecord(item)) continue;
    const stamped: Record<string, unknown> = { apiVersion: options.apiVersion, kind: options.kind, ...item };
    stamped['apiVersion'] = options.apiVersion;
    stamped['kind'] = options.kind;
    const obj = trim(stamped as KubeObject);
    const uid = obj.metadata?.uid;
    if (uid !== undefined) {
      if (seen.has(uid)) continue;
      seen.add(uid);
    }
    fresh.push(obj);
  }
  return fresh;
}

interface ListPage {
  readonly items: readonly unknown[];
  readonly continue?: string;
  readonly resourceVersion?: string;
}

function parseList(body: Buffer, url: string): ListPage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new KubeApiError(url, 200, `answer is not JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (!isRecord(parsed) || !Array.isArray(parsed['items']))
    throw new KubeApiError(url, 200, 'answer is not a list (no items)');
  const meta = isRecord(parsed['metadata']) ? parsed['metadata'] : {};
  const cont = typeof meta['continue'] === 'string' && meta['continue'] !== '' ? meta['continue'] : undefined;
  const rv = typeof meta['resourceVersion'] === 'string' ? meta['resourceVersion'] : undefined;
  return {
    items: parsed['items'],
    ...(cont !== undefined ? { continue: cont } : {}),
    ...(rv !== undefined ? { resourceVersion: rv } : {}),
  };
}

/**
 * Drops what no rule reads and what costs the most memory: managedFields and the last-applied annotation
 * (a full JSON copy of the object). The file source drops managedFields the same way.
 */
export function trim(object: KubeObject): KubeObject {
  const meta: unknown = object.metadata;
  if (isRecord(meta)) {
    delete meta['managedFields'];
    const ann = meta['annotations'];
    if (isRecord(ann) && LAST_APPLIED in ann) {
      delete ann[LAST_APPLIED];
      if (Object.keys(ann).length === 0) delete meta['annotations'];
    }
  }
  return object;
}
