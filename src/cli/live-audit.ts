import type { ReadResult } from '../sources/files/read.js';
import { auditRead, type AuditOptions, type AuditResult } from './audit-pipeline.js';
import type { CliIo } from './io.js';
import { readWithFlags, type ClusterFlags } from './live-connect.js';

export type LiveReadOptions = ClusterFlags;

/** Reads the current kube context (or the one the flags name) into the file source's ReadResult shape. */
export async function readLiveCluster(
  options: LiveReadOptions,
  io: CliIo,
): Promise<ReadResult & { readonly gitVersion?: string }> {
  return (await readWithFlags(options, io)).read;
}

/**
 * The live branch of `kubetune audit` (no path): read the cluster, then audit it like files. The Kubernetes
 * version defaults to the API server's own, and rules that need a cluster run.
 */
export async function auditLive(flags: ClusterFlags, options: AuditOptions, io: CliIo): Promise<AuditResult> {
  const read = await readLiveCluster(flags, io);
  const serverVersion = /^v?(\d+\.\d+)/.exec(read.gitVersion ?? '')?.[1];
  const kubeVersion = options.kubeVersion ?? options.config?.kubeVersion ?? serverVersion;
  return auditRead(read, {
    ...options,
    ...(kubeVersion !== undefined ? { kubeVersion } : {}),
    available: [...(options.available ?? []), 'cluster'],
  });
}
