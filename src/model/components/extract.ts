import type { ComponentConfigBase } from '../component-config.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Resource } from '../object.js';

export interface Extracted {
  readonly components: readonly ComponentConfigBase[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Component configurations found among Kubernetes-shaped documents (static pod manifests of the
 * control plane, KubeletConfiguration, KubeSchedulerConfiguration, kubeadm configs...).
 * Pure: the file source calls it on what it read.
 */
export function extractComponents(_resources: readonly Resource[]): Extracted {
  return { components: [], diagnostics: [] };
}
