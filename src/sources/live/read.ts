import type { Diagnostic } from '../../model/diagnostic.js';
import { asRecord, isRecord, refOf, type KubeObject, type Resource, type SourceLocation } from '../../model/object.js';
import type { ReadResult, ReadStats } from '../files/read.js';
import { parseApiServerMetrics } from './apiserver-metrics.js';
import { mapLimit } from './concurrency.js';
import { discover, pickVersion, type ServedGroups } from './discovery.js';
import { apiVersionOf, collectionPath, LIST_KINDS, type ListKind } from './kinds.js';
import { NAMED_OBJECTS } from './other-reads.js';
import { DEFAULT_KUBELET_SAMPLING, readKubeletConfigs, type KubeletSampling, type NodeSummary } from './kubelet.js';
import { listPaged, trim } from './list.js';
import { DEFAULT_RETRY, getWithRetry, statusMessage, type RetryPolicy } from './request.js';
import type { KubeApi } from './transport.js';

/** Where every object read from a cluster says it came from (one shared value: no per-object cost). */
export const CLUSTER_SOURCE: SourceLocation = Object.freeze({ file: 'cluster', line: 0 });

export type ProgressEvent =
  | { readonly type: 'list-start'; readonly what: string }
  | { readonly type: 'list-page'; readonly what: string; readonly items: number }
  | { readonly type: 'list-done'; readonly what: string; readonly items: number; readonly restarts: number }
  | { readonly type: 'skipped'; readonly diagnostic: Diagnostic }
  | { readonly type: 'wait'; readonly path: string; readonly status: number; readonly waitMs: number };

export interface LiveReadOptions {
  /** Only this namespace for namespaced kinds; all namespaces when undefined. */
  readonly namespace?: string;
  /** Page size of LIST calls. */
  readonly limit?: number;
  /** Lists in flight at once. */
  readonly concurrency?: number;
  readonly kinds?: readonly ListKind[];
  /** Kubelet configz sampling, or false to skip the kubelets. */
  readonly kubelet?: KubeletSampling | false;
  readonly apiServerMetrics?: boolean;
  readonly retry?: Partial<RetryPolicy>;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Receives resources as pages arrive (streaming consumers: `kubetune snapshot`). */
  readonly onResources?: (resources: readonly Resource[]) => void | Promise<void>;
  /** Keep resources in the result (default true); false with `onResources` keeps memory flat. */
  readonly keep?: boolean;
}

export interface KindStat {
  readonly kind: string;
  readonly apiVersion?: string;
  readonly status: 'ok' | 'forbidden' | 'not-installed' | 'error';
  readonly items: number;
}

export interface LiveReadResult extends ReadResult {
  readonly server: string;
  /** `gitVersion` of the API server (e.g. v1.35.0), when /version answered. */
  readonly gitVersion?: string;
  readonly kinds: readonly KindStat[];
}

/**
 * Reads a cluster into the same `ReadResult` the file source produces: paged LISTs of every kind in the table,
 * well-known ConfigMaps, sampled kubelet configz and the API server's /metrics. Never throws for one kind:
 * 403 and failures become diagnostics and the rest is still read. Throws only when the server is unusable (401).
 */
export async function readCluster(api: KubeApi, options: LiveReadOptions = {}): Promise<LiveReadResult> {
  const policy: RetryPolicy = {
    ...DEFAULT_RETRY,
    ...options.retry,
    onWait: (w) => options.onProgress?.({ type: 'wait', ...w }),
  };
  const out = new LiveCollector(options);
  const disco = await discover(api, policy);
  const nodes: NodeSummary[] = [];
  const tasks = (options.kinds ?? LIST_KINDS).flatMap((k) =>
    (k.fieldSelectors ?? [undefined]).map((sel) => ({ k, sel })),
  );
  const ctx: ListContext = { api, served: disco.served, options, policy, out, nodes };
  await mapLimit(tasks, options.concurrency ?? 4, (task) => listKind(task.k, task.sel, ctx));
  await mapLimit(NAMED_OBJECTS, 2, async (o) => {
    const path = `/api/${o.version}/namespaces/${o.namespace}/${o.resource}/${o.name}`;
    const res = await getWithRetry(api, path, {}, policy).catch((e: unknown) =>
      out.fail(`configmap ${o.namespace}/${o.name}`, e),
    );
    if (!res || res.status === 404) return;
    if (res.status === 403) return out.forbidden(`configmaps ${o.namespace}/${o.name}`, statusMessage(res));
    const parsed = res.status === 200 ? safeJson(res.body) : undefined;
    if (isRecord(parsed)) await out.add([trim({ ...parsed, apiVersion: 'v1', kind: 'ConfigMap' })]);
  });
  if (options.kubelet !== false && nodes.length > 0) {
    const kubelet = await readKubeletConfigs(api, nodes, {
      sampling: options.kubelet ?? DEFAULT_KUBELET_SAMPLING,
      concurrency: options.concurrency ?? 4,
      policy,
    });
    for (const d of kubelet.diagnostics) out.diagnose(d);
    await out.add(kubelet.configs);
  }
  if (options.apiServerMetrics !== false) await readApiServerMetrics(api, policy, out);
  return {
    ...out.result(),
    server: api.server,
    ...(disco.gitVersion !== undefined ? { gitVersion: disco.gitVersion } : {}),
    kinds: out.kinds,
  };
}

interface ListContext {
  readonly api: KubeApi;
  readonly served: ServedGroups | undefined;
  readonly options: LiveReadOptions;
  readonly policy: RetryPolicy;
  readonly out: LiveCollector;
  readonly nodes: NodeSummary[];
}

async function listKind(k: ListKind, selector: string | undefined, ctx: ListContext): Promise<void> {
  const { api, served, out, options } = ctx;
  const version = pickVersion(served, k.group, k.versions);
  const what = `${k.resource}${k.group ? `.${k.group}` : ''}${selector ? ` (${selector})` : ''}`;
  if (version === undefined) return out.notInstalled(k, what);
  const apiVersion = apiVersionOf(k.group, version);
  const path = collectionPath(k, version, options.namespace);
  options.onProgress?.({ type: 'list-start', what });
  let items = 0;
  try {
    const outcome = await listPaged(api, path, {
      apiVersion,
      kind: k.kind,
      limit: options.limit ?? 500,
      policy: ctx.policy,
      ...(selector !== undefined ? { fieldSelector: selector } : {}),
      onPage: async (objects) => {
        items += objects.length;
        if (k.kind === 'Node') for (const n of objects) ctx.nodes.push(nodeSummary(n));
        options.onProgress?.({ type: 'list-page', what, items });
        await out.add(objects);
      },
    });
    if (outcome.status === 'forbidden') return out.forbidden(what, outcome.message, k, apiVersion);
    if (outcome.status === 'not-found') return out.notInstalled(k, what, apiVersion);
    if (outcome.restarts > 0)
      out.diagnose({
        code: 'source-error',
        severity: 'info',
        message: `${what}: continue token expired; list restarted ${outcome.restarts} time(s), no item counted twice`,
      });
    out.kinds.push({ kind: k.kind, apiVersion, status: 'ok', items: outcome.items });
    options.onProgress?.({ type: 'list-done', what, items: outcome.items, restarts: outcome.restarts });
  } catch (e) {
    out.fail(what, e);
    out.kinds.push({ kind: k.kind, apiVersion, status: 'error', items });
  }
}

async function readApiServerMetrics(api: KubeApi, policy: RetryPolicy, out: LiveCollector): Promise<void> {
  const res = await getWithRetry(api, '/metrics', {}, policy).catch((e: unknown) => out.fail('API server /metrics', e));
  if (!res) return;
  if (res.status === 403) return out.forbidden('API server /metrics', statusMessage(res));
  if (res.status !== 200)
    return out.fail('API server /metrics', new Error(`HTTP ${res.status}: ${statusMessage(res)}`));
  await out.add([parseApiServerMetrics(res.body.toString('utf8'), api.server)]);
}

const nodeSummary = (n: KubeObject): NodeSummary => {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(n.metadata?.labels))) if (typeof v === 'string') labels[k] = v;
  return { name: n.metadata?.name ?? '', labels };
};

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

class LiveCollector {
  readonly resources: Resource[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly kinds: KindStat[] = [];
  readonly stats: ReadStats = { files: 0, documents: 0, objects: 0, skipped: {} };
  constructor(private readonly options: LiveReadOptions) {}

  async add(objects: readonly KubeObject[]): Promise<void> {
    const batch = objects.map((object): Resource => ({ object, ref: refOf(object), source: CLUSTER_SOURCE }));
    this.stats.documents++;
    this.stats.objects += batch.length;
    if (this.options.keep !== false) for (const r of batch) this.resources.push(r);
    await this.options.onResources?.(batch);
  }

  diagnose(d: Diagnostic): void {
    this.diagnostics.push(d);
    if (d.severity !== 'info' || d.code === 'forbidden') this.options.onProgress?.({ type: 'skipped', diagnostic: d });
  }

  forbidden(what: string, serverMessage: string, k?: ListKind, apiVersion?: string): void {
    this.stats.skipped['forbidden'] = (this.stats.skipped['forbidden'] ?? 0) + 1;
    if (k) this.kinds.push({ kind: k.kind, ...(apiVersion ? { apiVersion } : {}), status: 'forbidden', items: 0 });
    this.diagnose({
      code: 'forbidden',
      severity: 'warning',
      file: 'cluster',
      message: `${what}: forbidden, skipped (${serverMessage})`,
    });
  }

  notInstalled(k: ListKind, what: string, apiVersion?: string): void {
    this.kinds.push({ kind: k.kind, ...(apiVersion ? { apiVersion } : {}), status: 'not-installed', items: 0 });
    this.stats.skipped['not installed'] = (this.stats.skipped['not installed'] ?? 0) + 1;
    this.diagnose({
      code: 'skipped-input',
      severity: k.optional ? 'info' : 'warning',
      file: 'cluster',
      message: `${what}: not served by this cluster (${k.versions.map((v) => apiVersionOf(k.group, v)).join(', ')}), skipped`,
    });
  }

  fail(what: string, e: unknown): undefined {
    this.stats.skipped['error'] = (this.stats.skipped['error'] ?? 0) + 1;
    this.diagnose({
      code: 'source-error',
      severity: 'error',
      file: 'cluster',
      message: `${what}: ${e instanceof Error ? e.message : String(e)}`,
    });
    return undefined;
  }

  result(): ReadResult {
    return { resources: this.resources, components: [], diagnostics: this.diagnostics, stats: this.stats };
  }
}
