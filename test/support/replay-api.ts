/** Pieces of the replay server that mirror API-server conventions: built-in resources, Status bodies, tokens. */

export interface ReplayObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly [k: string]: unknown };
  readonly [k: string]: unknown;
}

/** A collection of one resource: materialised objects, or a size plus a generator. */
export interface Collection {
  readonly size: number;
  at(i: number): ReplayObject;
}

/** Resources every Kubernetes 1.35 API server serves, empty until objects are given (the real discovery surface). */
export const BUILTIN_RESOURCES: readonly string[] = [
  ...['pods', 'nodes', 'namespaces', 'services', 'endpoints', 'configmaps', 'secrets', 'events', 'serviceaccounts']
    .concat(['persistentvolumes', 'persistentvolumeclaims', 'limitranges', 'resourcequotas'])
    .map((r) => `/v1/${r}`),
  ...['deployments', 'statefulsets', 'daemonsets', 'replicasets', 'controllerrevisions'].map((r) => `apps/v1/${r}`),
  'batch/v1/jobs',
  'batch/v1/cronjobs',
  'discovery.k8s.io/v1/endpointslices',
  ...['networkpolicies', 'ingresses', 'ingressclasses'].map((r) => `networking.k8s.io/v1/${r}`),
  ...['storageclasses', 'csidrivers', 'csinodes', 'volumeattachments'].map((r) => `storage.k8s.io/v1/${r}`),
  'autoscaling/v1/horizontalpodautoscalers',
  'autoscaling/v2/horizontalpodautoscalers',
  'policy/v1/poddisruptionbudgets',
  'scheduling.k8s.io/v1/priorityclasses',
  'flowcontrol.apiserver.k8s.io/v1/flowschemas',
  'flowcontrol.apiserver.k8s.io/v1/prioritylevelconfigurations',
  ...['validatingwebhookconfigurations', 'mutatingwebhookconfigurations', 'validatingadmissionpolicies'].map(
    (r) => `admissionregistration.k8s.io/v1/${r}`,
  ),
  ...['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'].map((r) => `rbac.authorization.k8s.io/v1/${r}`),
  'coordination.k8s.io/v1/leases',
  'apiextensions.k8s.io/v1/customresourcedefinitions',
  'events.k8s.io/v1/events',
];

const PLURAL_EXCEPTIONS: Record<string, string> = { Endpoints: 'endpoints', PodMetrics: 'pods', NodeMetrics: 'nodes' };
export const pluralOf = (kind: string): string =>
  PLURAL_EXCEPTIONS[kind] ??
  (kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : kind.endsWith('s') ? `${kind}es` : `${kind}s`).toLowerCase();

export const gvKey = (apiVersion: string, resource: string): string =>
  `${apiVersion.includes('/') ? apiVersion : `/${apiVersion}`}/${resource}`;

export const arrayCollection = (items: ReplayObject[]): Collection => ({
  size: items.length,
  at: (i) => items[i] as ReplayObject,
});
export const sortKey = (o: ReplayObject): string => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

export type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;

export const status = (code: number, reason: string, message: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  code,
});

export const forbidden = (resource: string, verb: string, ns?: string) =>
  status(
    403,
    'Forbidden',
    `${resource} is forbidden: User "system:serviceaccount:test:kubetune" cannot ${verb} resource "${resource}"${ns ? ` in the namespace "${ns}"` : ' at the cluster scope'}`,
  );

export function fieldValue(o: ReplayObject, path: string): unknown {
  let cur: unknown = o;
  for (const p of path.split('.'))
    cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[p] : undefined;
  return cur;
}

interface Token {
  rv: string;
  start: number;
  at: number;
}
export const encodeToken = (t: Token): string => Buffer.from(JSON.stringify(t)).toString('base64url');
export function decodeToken(s: string): Token | undefined {
  try {
    const t = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Token;
    return typeof t.start === 'number' ? t : undefined;
  } catch {
    return undefined;
  }
}
