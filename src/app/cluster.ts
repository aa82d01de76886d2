/** Connecting to the cluster a kubeconfig names and reading it: what a live audit, `snapshot` and `health` share. */
import { ConfigError, SourceUnavailableError, UsageError } from '../core/errors.js';
import { KubeApiError, KubeconfigError } from '../sources/live/errors.js';
import { connect, type Connection } from '../sources/live/kubeconfig.js';
import { readCluster, type LiveReadOptions, type LiveReadResult, type ProgressEvent } from '../sources/live/read.js';
import type { Env } from './ports.js';

/** Which cluster to read and how: the kubeconfig and context, the namespace, and how hard to push the API server. */
export interface ClusterTarget {
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly concurrency?: number;
  readonly pageSize?: number;
}

/** Progress of a live read: told when connected, of every list event, and when the read ends or fails. */
export interface ClusterProgress {
  connected?(connection: Connection): void;
  onProgress?(event: ProgressEvent): void;
  done?(read: LiveReadResult, connection: Connection): void;
  abort?(): void;
}

export interface ClusterPorts {
  readonly env: Env;
  readonly progress?: ClusterProgress;
}

/** Connects to the target, mapping kubeconfig problems to a ConfigError (exit 2). */
export async function openCluster(target: ClusterTarget, env: Env): Promise<Connection> {
  if (target.namespace !== undefined && target.allNamespaces)
    throw new UsageError('--namespace and --all-namespaces exclude each other');
  try {
    return await connect({
      ...(target.kubeconfig !== undefined ? { kubeconfig: target.kubeconfig } : {}),
      ...(target.context !== undefined ? { context: target.context } : {}),
      maxSockets: target.concurrency ?? 4,
      env,
    });
  } catch (e) {
    throw e instanceof KubeconfigError ? new ConfigError(e.message, undefined, undefined, { cause: e }) : e;
  }
}

export interface ClusterReadOptions {
  /** Passed to the live reader (everything but the namespace and progress, which come from the target and ports). */
  readonly read?: Omit<LiveReadOptions, 'namespace' | 'onProgress'>;
}

/** Reads the target cluster; the API server not answering becomes a SourceUnavailableError (exit 3). */
export async function readClusterTarget(
  target: ClusterTarget,
  ports: ClusterPorts,
  how: ClusterReadOptions = {},
): Promise<{ read: LiveReadResult; connection: Connection }> {
  const connection = await openCluster(target, ports.env);
  const progress = ports.progress ?? {};
  progress.connected?.(connection);
  try {
    const read = await readCluster(connection.api, {
      ...(target.namespace !== undefined ? { namespace: target.namespace } : {}),
      ...(target.concurrency !== undefined ? { concurrency: target.concurrency } : {}),
      ...(target.pageSize !== undefined ? { limit: target.pageSize } : {}),
      // the in-cluster chart sets this when its ClusterRole does not grant nodes/proxy (the default)
      ...(ports.env['KUBETUNE_KUBELET_CONFIGZ'] === 'false' ? { kubelet: false as const } : {}),
      ...how.read,
      ...(progress.onProgress ? { onProgress: (e: ProgressEvent) => progress.onProgress?.(e) } : {}),
    });
    progress.done?.(read, connection);
    return { read, connection };
  } catch (e) {
    progress.abort?.();
    if (e instanceof KubeApiError)
      throw new SourceUnavailableError(`the API server of context "${connection.context}" (${connection.server})`, e);
    throw e;
  } finally {
    connection.api.close();
  }
}
