import { LIST_KINDS } from './kinds.js';
import { EXTRA_READS, NAMED_OBJECTS, NEVER_READ } from './other-reads.js';

/** A Kubernetes RBAC PolicyRule, as it appears in a ClusterRole/Role. */
export interface PolicyRule {
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
  readonly verbs: readonly string[];
}

export interface RbacOptions {
  /** Grant `get` on nodes/proxy so kubelet configz can be read (not read-only: see kinds.ts). */
  readonly kubeletConfigz?: boolean;
}

const READ_VERBS = ['get', 'list', 'watch'] as const;

/**
 * The ClusterRole kubetune needs in-cluster, derived from the same tables the live reader walks:
 * list/get/watch on every listed kind (grouped by API group), metrics.k8s.io, the API server's /metrics and
 * discovery URLs, and nodes/proxy only when asked. Never secrets, never a write verb.
 */
export function clusterRoleRules(options: RbacOptions = {}): PolicyRule[] {
  const byGroup = new Map<string, Set<string>>();
  for (const k of LIST_KINDS) byGroup.set(k.group, (byGroup.get(k.group) ?? new Set()).add(k.resource));
  const rules: PolicyRule[] = [...byGroup]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([group, resources]) => ({ apiGroups: [group], resources: [...resources].sort(), verbs: [...READ_VERBS] }));
  if (options.kubeletConfigz) {
    const { group, resource, verbs } = EXTRA_READS.kubeletConfigz;
    rules.push({ apiGroups: [group], resources: [resource], verbs: [...verbs] });
  }
  rules.push({ nonResourceURLs: [...EXTRA_READS.nonResourceUrls.urls], verbs: [...EXTRA_READS.nonResourceUrls.verbs] });
  return rules;
}

/** The Role (in each named object's namespace) for the well-known ConfigMaps, restricted by resourceNames. */
export function namedObjectRoles(): { namespace: string; rules: PolicyRule[] }[] {
  const byNs = new Map<string, string[]>();
  for (const o of NAMED_OBJECTS) byNs.set(o.namespace, [...(byNs.get(o.namespace) ?? []), o.name]);
  return [...byNs].map(([namespace, names]) => ({
    namespace,
    rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: [...names].sort(), verbs: ['get'] }],
  }));
}

export const FORBIDDEN_RESOURCES: readonly string[] = NEVER_READ;
