import type { ComponentConfigBase } from '../component-config.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Resource } from '../object.js';
import { isWorkloadKind } from '../workload.js';
import { configsFromResource } from './from-configs.js';
import { flagsFromKubeadm } from './from-kubeadm.js';
import { flagsFromWorkload } from './from-pods.js';
import type { ComponentConfig } from './types.js';

export interface Extracted {
  readonly components: readonly ComponentConfigBase[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Component configurations found among Kubernetes-shaped documents: flags of components run as containers
 * (static pods, kube-proxy DaemonSet), kubeadm Cluster/Init/JoinConfiguration extraArgs, KubeletConfiguration,
 * KubeSchedulerConfiguration, KubeProxyConfiguration (also inside their ConfigMaps), Calico FelixConfiguration and
 * the cilium-config ConfigMap. Pure: the file source calls it on what it read. `controllerOf` (the snapshot's) lets it
 * skip what a listed workload controls.
 */
export function extractComponents(
  resources: readonly Resource[],
  controllerOf?: (r: Resource) => Resource | undefined,
): Extracted {
  const out: { components: ComponentConfig[]; diagnostics: Diagnostic[] } = { components: [], diagnostics: [] };
  for (const r of resources) {
    if (!templated(r, controllerOf)) out.components.push(...flagsFromWorkload(r));
    out.components.push(...flagsFromKubeadm(r));
    configsFromResource(r, out);
  }
  return out;
}

/**
 * Whether a resource's controller is a listed workload (the pods of a listed DaemonSet, the ReplicaSets of a listed
 * Deployment): its containers are the controller's template, whose flags are read there — once, not once per pod
 * of a cluster dump. Static pods (mirror pods, owned by their Node) are read themselves.
 */
function templated(r: Resource, controllerOf: ((r: Resource) => Resource | undefined) | undefined): boolean {
  if (!controllerOf || !isWorkloadKind(r.object.kind)) return false;
  const ctl = controllerOf(r);
  return ctl !== undefined && isWorkloadKind(ctl.object.kind);
}

/** Kinds whose documents become component configs (the file source keeps per-value lines for them). */
export const COMPONENT_DOCUMENT_KINDS: ReadonlySet<string> = new Set([
  'ClusterConfiguration',
  'InitConfiguration',
  'JoinConfiguration',
  'KubeletConfiguration',
  'KubeProxyConfiguration',
  'KubeSchedulerConfiguration',
  'FelixConfiguration',
  'Pod',
  'DaemonSet',
]);
