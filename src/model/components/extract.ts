import type { ComponentConfigBase } from '../component-config.js';
import type { Diagnostic } from '../diagnostic.js';
import { isRecord, type Resource } from '../object.js';
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
 * the cilium-config ConfigMap. Pure: the file source calls it on what it read.
 */
export function extractComponents(resources: readonly Resource[]): Extracted {
  const out: { components: ComponentConfig[]; diagnostics: Diagnostic[] } = { components: [], diagnostics: [] };
  const templated = controlledByListedWorkload(resources);
  for (const r of resources) {
    if (!templated(r)) out.components.push(...flagsFromWorkload(r));
    out.components.push(...flagsFromKubeadm(r));
    configsFromResource(r, out);
  }
  return out;
}

/**
 * Whether a resource's controller is a workload among `resources` (the pods of a listed DaemonSet, the ReplicaSets of
 * a listed Deployment): its containers are the controller's template, whose flags are read there — once, not once
 * per pod of a cluster dump. Static pods (mirror pods, owned by their Node) are read themselves.
 */
function controlledByListedWorkload(resources: readonly Resource[]): (r: Resource) => boolean {
  const listed = new Map<string, Set<string>>();
  for (const { ref } of resources) {
    if (!isWorkloadKind(ref.kind)) continue;
    const key = `${ref.kind}/${ref.namespace ?? ''}`;
    let names = listed.get(key);
    if (!names) listed.set(key, (names = new Set()));
    names.add(ref.name);
  }
  return (r) => {
    const owners: unknown = r.object.metadata?.ownerReferences;
    if (!Array.isArray(owners)) return false;
    const ctl: unknown = owners.find((o) => isRecord(o) && o['controller'] === true);
    if (!isRecord(ctl) || typeof ctl['kind'] !== 'string' || !isWorkloadKind(ctl['kind'])) return false;
    return listed.get(`${ctl['kind']}/${r.ref.namespace ?? ''}`)?.has(String(ctl['name'])) ?? false;
  };
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
