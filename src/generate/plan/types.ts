import type { KubeVersion } from '../../core/version.js';
import type { CapacityTier } from '../../knowledge/capacity.js';

export interface PlanInput {
  readonly nodes: number;
  /** Expected pods in the cluster (sizes kubelet maxPods and warns when nodes are too few). */
  readonly pods?: number;
  readonly kubeVersion: KubeVersion;
}

/** One generated file: a structured document (YAML) or ready text (TOML, sysctl.d). */
export type PlanFile =
  | {
      readonly path: string;
      readonly kind: 'yaml';
      readonly documents: readonly Record<string, unknown>[];
      readonly comment: string;
    }
  | { readonly path: string; readonly kind: 'text'; readonly text: string };

export interface Plan {
  readonly input: PlanInput;
  readonly tier: CapacityTier;
  /** kubelet maxPods chosen for the expected pod density. */
  readonly maxPods: number;
  readonly proxyMode: string;
  readonly files: readonly PlanFile[];
  /** Things the plan cannot solve with configuration (too few nodes for the pods, etc.). */
  readonly warnings: readonly string[];
}
