import type { KubeVersion } from '../core/version.js';
import { compareVersions, parseKubeVersion } from '../core/version.js';
import { fieldFactsFor } from './api-versions-fields.js';

/**
 * Service fields and annotations whose meaning depends on the Kubernetes release, beyond the removals already in
 * api-versions-fields.ts (spec.topologyKeys): deprecated ones, and new ones that older API servers drop silently.
 */
export interface ServiceFact {
  /** Dotted field path (`spec.loadBalancerIP`) or annotation key. */
  readonly path: string;
  readonly type: 'field' | 'annotation';
  readonly deprecatedIn?: string;
  readonly removedIn?: string;
  /** First release that honours the field by default (older API servers drop it: alpha gate off). */
  readonly availableIn?: string;
  readonly replacement: string;
  /** Annotation that replaces this one with the same meaning (enables a fix). */
  readonly renameTo?: { readonly key: string; readonly since: string; readonly value: (old: string) => string };
  readonly source: string;
}

export const SERVICE_FACTS: readonly ServiceFact[] = [
  {
    path: 'service.kubernetes.io/topology-aware-hints',
    type: 'annotation',
    deprecatedIn: '1.27',
    replacement: 'the service.kubernetes.io/topology-mode annotation (1.27+), or spec.trafficDistribution (1.31+)',
    renameTo: {
      key: 'service.kubernetes.io/topology-mode',
      since: '1.27',
      value: (v) => (v.toLowerCase() === 'auto' ? 'Auto' : v),
    },
    source: 'https://github.com/kubernetes/kubernetes/issues/116522',
  },
  {
    path: 'spec.loadBalancerIP',
    type: 'field',
    deprecatedIn: '1.24',
    replacement: "the cloud provider's load-balancer IP annotation, or a Gateway address",
    source: 'https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/',
  },
  {
    path: 'spec.trafficDistribution',
    type: 'field',
    availableIn: '1.31',
    replacement: 'the service.kubernetes.io/topology-mode: Auto annotation on releases before 1.31',
    source: 'https://kubernetes.io/docs/concepts/services-networking/service/#traffic-distribution',
  },
];

const reached = (v: KubeVersion, release: string | undefined): boolean => {
  const r = release === undefined ? undefined : parseKubeVersion(release);
  return r !== undefined && compareVersions({ ...v, patch: 0 }, { ...r, patch: 0 }) >= 0;
};

export type ServiceFactState = 'ok' | 'deprecated' | 'removed' | 'not-yet-available';

export function serviceFactState(
  f: Pick<ServiceFact, 'deprecatedIn' | 'removedIn' | 'availableIn'>,
  v: KubeVersion,
): ServiceFactState {
  if (f.availableIn !== undefined && !reached(v, f.availableIn)) return 'not-yet-available';
  if (reached(v, f.removedIn)) return 'removed';
  if (reached(v, f.deprecatedIn)) return 'deprecated';
  return 'ok';
}

/** Every Service fact: this file's plus the Service field removals of api-versions-fields.ts. */
export const allServiceFacts = (): readonly ServiceFact[] => [
  ...fieldFactsFor('Service')
    .filter((f) => f.type === 'field' || f.type === 'annotation')
    .map((f): ServiceFact => ({
      path: f.path,
      type: f.type === 'annotation' ? 'annotation' : 'field',
      ...(f.deprecatedIn !== undefined ? { deprecatedIn: f.deprecatedIn } : {}),
      ...(f.removedIn !== undefined ? { removedIn: f.removedIn } : {}),
      replacement: f.replacement,
      source: f.source,
    })),
  ...SERVICE_FACTS,
];

export { reached as releaseReached };
