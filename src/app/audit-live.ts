import { auditRead, type AuditOptions, type AuditResult } from './audit.js';
import { readClusterTarget, type ClusterPorts, type ClusterTarget } from './cluster.js';

/**
 * A live audit (`kubetune audit` with no path): read the cluster, then audit it like files. The Kubernetes
 * version defaults to the API server's own, and rules that need a cluster run.
 */
export async function auditCluster(
  target: ClusterTarget,
  options: AuditOptions,
  ports: ClusterPorts,
): Promise<AuditResult> {
  const { read } = await readClusterTarget(target, ports);
  const serverVersion = /^v?(\d+\.\d+)/.exec(read.gitVersion ?? '')?.[1];
  const kubeVersion = options.kubeVersion ?? options.config?.kubeVersion ?? serverVersion;
  return auditRead(read, {
    ...options,
    ...(kubeVersion !== undefined ? { kubeVersion } : {}),
    available: [...(options.available ?? []), 'cluster'],
  });
}
