import { ConfigError, SourceUnavailableError, UsageError } from '../core/errors.js';
import { KubeApiError, KubeconfigError } from '../sources/live/errors.js';
import { connect, type Connection } from '../sources/live/kubeconfig.js';
import { readCluster, type LiveReadOptions, type LiveReadResult } from '../sources/live/read.js';
import type { CliIo } from './io.js';
import { progressReporter } from './live-progress.js';

/** The cluster flags shared by `audit` (no path), `snapshot` and `health`. */
export interface ClusterFlags {
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly concurrency?: number;
  readonly pageSize?: number;
}

/** Connects with the flags, mapping kubeconfig problems to exit 2 and an unreachable server to exit 3. */
export async function openCluster(flags: ClusterFlags, io: CliIo): Promise<Connection> {
  if (flags.namespace !== undefined && flags.allNamespaces)
    throw new UsageError('--namespace and --all-namespaces exclude each other');
  try {
    return await connect({
      ...(flags.kubeconfig !== undefined ? { kubeconfig: flags.kubeconfig } : {}),
      ...(flags.context !== undefined ? { context: flags.context } : {}),
      maxSockets: flags.concurrency ?? 4,
      env: io.env,
    });
  } catch (e) {
    throw e instanceof KubeconfigError ? new ConfigError(e.message, undefined, undefined, { cause: e }) : e;
  }
}

export interface ReadWithFlagsOptions {
  /** Passed to the live reader (everything but the namespace and progress, which come from the flags). */
  readonly read?: Omit<LiveReadOptions, 'namespace' | 'onProgress'>;
  /** Called once connected, before the first list (e.g. to write a file header). */
  readonly onConnected?: (connection: Connection) => void;
  /** No summary line on stderr (skipped kinds are still named). */
  readonly quiet?: boolean;
}

/** Reads the cluster the flags name, with progress on stderr; the API server not answering becomes exit 3. */
export async function readWithFlags(
  flags: ClusterFlags,
  io: CliIo,
  how: ReadWithFlagsOptions = {},
): Promise<{ read: LiveReadResult; connection: Connection }> {
  const connection = await openCluster(flags, io);
  how.onConnected?.(connection);
  const progress = progressReporter(io.stderr, connection, { summary: !how.quiet });
  try {
    const read = await readCluster(connection.api, {
      ...(flags.namespace !== undefined ? { namespace: flags.namespace } : {}),
      ...(flags.concurrency !== undefined ? { concurrency: flags.concurrency } : {}),
      ...(flags.pageSize !== undefined ? { limit: flags.pageSize } : {}),
      // the in-cluster chart sets this when its ClusterRole does not grant nodes/proxy (the default)
      ...(io.env['KUBETUNE_KUBELET_CONFIGZ'] === 'false' ? { kubelet: false as const } : {}),
      ...how.read,
      onProgress: progress.onProgress,
    });
    progress.done(read);
    return { read, connection };
  } catch (e) {
    progress.abort();
    if (e instanceof KubeApiError)
      throw new SourceUnavailableError(`the API server of context "${connection.context}" (${connection.server})`, e);
    throw e;
  } finally {
    connection.api.close();
  }
}

/** Parses a positive integer flag. */
export function positiveInt(name: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1)
      throw new UsageError(`${name} must be a positive integer (got ${JSON.stringify(v)})`);
    return n;
  };
}
