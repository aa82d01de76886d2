import type { ComponentConfigBase } from '../component-config.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Resource } from '../object.js';
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
  for (const r of resources) {
    out.components.push(...flagsFromWorkload(r), ...flagsFromKubeadm(r));
    configsFromResource(r, out);
  }
  return out;
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
