import type { Diagnostic } from '../../model/diagnostic.js';
import { asRecord, asString, isRecord, type KubeObject } from '../../model/object.js';
import { mapLimit } from './concurrency.js';
import { getWithRetry, statusMessage, type RetryPolicy } from './request.js';
import type { KubeApi, KubeResponse } from './transport.js';

/** Labels that name a node pool, most specific first (GKE, EKS, Karpenter, AKS, OpenShift/kOps roles). */
export const POOL_LABELS: readonly string[] = [
  'cloud.google.com/gke-nodepool',
  'eks.amazonaws.com/nodegroup',
  'karpenter.sh/nodepool',
  'kubernetes.azure.com/agentpool',
  'node.kubernetes.io/pool',
  'kops.k8s.io/instancegroup',
];

export interface NodeSummary {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface KubeletSampling {
  /** Read every node's kubelet when the cluster has at most this many nodes. */
  readonly allUpTo: number;
  /** Otherwise, nodes read per pool. */
  readonly perPool: number;
}

export const DEFAULT_KUBELET_SAMPLING: KubeletSampling = { allUpTo: 20, perPool: 2 };

/** The pool a node belongs to: a pool label, else control-plane, else its instance type, else `default`. */
export function poolOf(labels: Readonly<Record<string, string>>): string {
  for (const l of POOL_LABELS) if (labels[l]) return `${l}=${labels[l]}`;
  if ('node-role.kubernetes.io/control-plane' in labels || 'node-role.kubernetes.io/master' in labels)
    return 'control-plane';
  const type = labels['node.kubernetes.io/instance-type'] ?? labels['beta.kubernetes.io/instance-type'];
  return type ? `node.kubernetes.io/instance-type=${type}` : 'default';
}

/** Nodes whose kubelet is read: all of them in small clusters, else the first `perPool` (by name) of each pool. */
export function sampleNodes(
  nodes: readonly NodeSummary[],
  sampling: KubeletSampling,
): { node: NodeSummary; pool: string; poolSize: number }[] {
  const pools = new Map<string, NodeSummary[]>();
  for (const n of nodes) {
    const pool = poolOf(n.labels);
    const list = pools.get(pool) ?? [];
    list.push(n);
    pools.set(pool, list);
  }
  const take = nodes.length <= sampling.allUpTo ? Infinity : sampling.perPool;
  return [...pools]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([pool, members]) =>
      [...members]
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .slice(0, take)
        .map((node) => ({ node, pool, poolSize: members.length })),
    );
}

export interface KubeletRead {
  readonly configs: KubeObject[];
  readonly diagnostics: Diagnostic[];
}

/** GETs /api/v1/nodes/{name}/proxy/configz for the sampled nodes; each answer becomes a KubeletConfiguration object. */
export async function readKubeletConfigs(
  api: KubeApi,
  nodes: readonly NodeSummary[],
  options: { sampling: KubeletSampling; concurrency: number; policy: RetryPolicy },
): Promise<KubeletRead> {
  const chosen = sampleNodes(nodes, options.sampling);
  const diagnostics: Diagnostic[] = [];
  let forbidden = false;
  const failures: string[] = [];
  const configs = await mapLimit(chosen, options.concurrency, async ({ node, pool, poolSize }) => {
    if (forbidden) return undefined;
    const path = `/api/v1/nodes/${encodeURIComponent(node.name)}/proxy/configz`;
    let res: KubeResponse;
    try {
      res = await getWithRetry(api, path, {}, options.policy);
    } catch (e) {
      failures.push(`${node.name}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    if (res.status === 403) {
      if (!forbidden) diagnostics.push(forbiddenDiag(statusMessage(res)));
      forbidden = true;
      return undefined;
    }
    const cfg = res.status === 200 ? parseConfigz(res.body) : undefined;
    if (!cfg) {
      failures.push(
        `${node.name}: ${res.status === 200 ? 'answer has no kubeletconfig' : `HTTP ${res.status} ${statusMessage(res)}`}`,
      );
      return undefined;
    }
    return toKubeletConfiguration(cfg, node.name, pool, poolSize);
  });
  if (failures.length > 0)
    diagnostics.push({
      code: 'source-error',
      severity: 'warning',
      message: `kubelet configz unreadable on ${failures.length} node(s): ${failures.slice(0, 5).join('; ')}${failures.length > 5 ? '; …' : ''}`,
    });
  const read = configs.filter((c): c is KubeObject => c !== undefined);
  if (read.length > 0 && read.length < nodes.length)
    diagnostics.push({
      code: 'not-measured',
      severity: 'info',
      message: `kubelet configuration read from ${read.length} of ${nodes.length} nodes (sampled per node pool)`,
    });
  return { configs: read, diagnostics };
}

function parseConfigz(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed = asRecord(JSON.parse(body.toString('utf8')));
    const cfg = parsed['kubeletconfig'];
    return isRecord(cfg) ? cfg : undefined;
  } catch {
    return undefined;
  }
}

/** configz carries the config without apiVersion/kind; add them so it reads like a KubeletConfiguration file. */
function toKubeletConfiguration(
  cfg: Record<string, unknown>,
  node: string,
  pool: string,
  poolSize: number,
): KubeObject {
  const { kind: _k, apiVersion: _a, ...rest } = cfg;
  return {
    apiVersion: asString(cfg['apiVersion']) ?? 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    metadata: {
      name: node,
      annotations: {
        'kubetune.io/node': node,
        'kubetune.io/node-pool': pool,
        'kubetune.io/pool-size': String(poolSize),
      },
    },
    ...rest,
  };
}

const forbiddenDiag = (message: string): Diagnostic => ({
  code: 'forbidden',
  severity: 'warning',
  message: `kubelet configuration (nodes/proxy): forbidden, skipped — ${message}`,
});
