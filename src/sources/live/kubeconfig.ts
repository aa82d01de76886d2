import { existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeconfigError } from './errors.js';
import { HttpKubeApi, type KubeApi } from './transport.js';

export interface ConnectOptions {
  /** Path of a kubeconfig file; default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account. */
  readonly kubeconfig?: string;
  /** Context to use instead of the kubeconfig's current-context. */
  readonly context?: string;
  readonly timeoutMs?: number;
  /** Sockets kept open to the API server (matches the listing concurrency). */
  readonly maxSockets?: number;
  /** Environment to read KUBECONFIG / KUBERNETES_SERVICE_HOST from (tests pass their own). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Prefix of /var/run/secrets/kubernetes.io/serviceaccount for the in-cluster credentials (tests, unusual mounts). */
  readonly serviceAccountRoot?: string;
}

export interface Connection {
  readonly api: KubeApi;
  /** Context name, or `in-cluster`. */
  readonly context: string;
  readonly server: string;
  /** Namespace of the context (or of the service account), when set. */
  readonly namespace?: string;
  readonly inCluster: boolean;
}

const USER_AGENT = 'kubetune/0.1 (read-only)';

/** Loads credentials the way kubectl does and returns an API client; exec and OIDC plugins run through client-node. */
export async function connect(options: ConnectOptions = {}): Promise<Connection> {
  const env = options.env ?? process.env;
  const kc = new KubeConfig();
  const { inCluster, origin } = load(kc, options.kubeconfig, env, options.serviceAccountRoot ?? '');
  if (options.context !== undefined) {
    if (!kc.getContextObject(options.context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw new KubeconfigError(
        `context "${options.context}" not found in ${origin} (contexts: ${known.join(', ') || 'none'})`,
      );
    }
    kc.setCurrentContext(options.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new KubeconfigError(`${origin}: context "${kc.getCurrentContext()}" names no cluster`);
  const base: https.RequestOptions = {};
  try {
    await kc.applyToHTTPSOptions(base);
  } catch (e) {
    throw new KubeconfigError(
      `${origin}: could not load credentials for context "${kc.getCurrentContext()}": ${messageOf(e)}`,
      { cause: e },
    );
  }
  const api = new HttpKubeApi({
    server: cluster.server,
    agent: makeAgent(cluster.server, cluster.proxyUrl, base, options.maxSockets ?? 8),
    headers: async () => requestHeaders(kc),
    timeoutMs: options.timeoutMs ?? 60_000,
    userAgent: USER_AGENT,
  });
  const ns = kc.getContextObject(kc.getCurrentContext())?.namespace;
  return {
    api,
    context: inCluster ? 'in-cluster' : kc.getCurrentContext(),
    server: cluster.server,
    inCluster,
    ...(ns ? { namespace: ns } : {}),
  };
}

function load(
  kc: KubeConfig,
  file: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  saRoot: string,
): { inCluster: boolean; origin: string } {
  const tryLoad = (f: string): void => {
    try {
      kc.loadFromFile(f);
    } catch (e) {
      throw new KubeconfigError(`${f}: not a readable kubeconfig: ${messageOf(e)}`, { cause: e });
    }
  };
  if (file !== undefined) {
    if (!existsSync(file)) throw new KubeconfigError(`${file}: no such kubeconfig file`);
    tryLoad(file);
    return { inCluster: false, origin: file };
  }
  const fromEnv =
    env['KUBECONFIG']?.split(process.platform === 'win32' ? ';' : ':').filter((f) => f && existsSync(f)) ?? [];
  const first = fromEnv[0];
  if (first !== undefined) {
    tryLoad(first);
    for (const more of fromEnv.slice(1)) mergeKubeconfig(kc, more);
    return { inCluster: false, origin: fromEnv.join(', ') };
  }
  const home = join(env['HOME'] ?? homedir(), '.kube', 'config');
  if (existsSync(home)) {
    tryLoad(home);
    return { inCluster: false, origin: home };
  }
  if (env['KUBERNETES_SERVICE_HOST']) {
    try {
      kc.loadFromCluster(saRoot);
    } catch (e) {
      throw new KubeconfigError(`in-cluster service account not usable: ${messageOf(e)}`, { cause: e });
    }
    return { inCluster: true, origin: 'in-cluster service account' };
  }
  throw new KubeconfigError('no kubeconfig: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, or run in a pod');
}

/** kubectl's merge of $KUBECONFIG files: the first file to define a name or a current-context wins. */
function mergeKubeconfig(kc: KubeConfig, file: string): void {
  const more = new KubeConfig();
  try {
    more.loadFromFile(file);
  } catch (e) {
    throw new KubeconfigError(`${file}: not a readable kubeconfig: ${messageOf(e)}`, { cause: e });
  }
  const absent =
    <T extends { name: string }>(have: readonly T[]) =>
    (x: T) =>
      !have.some((h) => h.name === x.name);
  kc.clusters = [...kc.clusters, ...more.clusters.filter(absent(kc.clusters))];
  kc.users = [...kc.users, ...more.users.filter(absent(kc.users))];
  kc.contexts = [...kc.contexts, ...more.contexts.filter(absent(kc.contexts))];
  if (!kc.currentContext && more.currentContext) kc.currentContext = more.currentContext;
}

function makeAgent(
  server: string,
  proxyUrl: string | undefined,
  base: https.RequestOptions,
  maxSockets: number,
): http.Agent {
  // A proxy agent (HTTP/SOCKS) is built by client-node; otherwise our own keep-alive agent with the same TLS material.
  if (proxyUrl && base.agent instanceof http.Agent) return base.agent;
  if (server.startsWith('http:')) return new http.Agent({ keepAlive: true, maxSockets });
  return new https.Agent({
    keepAlive: true,
    maxSockets,
    ...(base.ca !== undefined ? { ca: base.ca } : {}),
    ...(base.cert !== undefined ? { cert: base.cert } : {}),
    ...(base.key !== undefined ? { key: base.key } : {}),
    ...(base.rejectUnauthorized !== undefined ? { rejectUnauthorized: base.rejectUnauthorized } : {}),
    ...(base.servername !== undefined ? { servername: base.servername } : {}),
  });
}

async function requestHeaders(kc: KubeConfig): Promise<Record<string, string>> {
  const opts: https.RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {}))
    if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  if (opts.auth) out['authorization'] = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
  return out;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
