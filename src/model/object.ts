import type { JsonPath } from '../core/json-path.js';

export interface OwnerReference {
  readonly apiVersion?: string;
  readonly kind: string;
  readonly name: string;
  readonly uid?: string;
  readonly controller?: boolean;
}

export interface ObjectMeta {
  readonly name?: string;
  readonly generateName?: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly ownerReferences?: readonly OwnerReference[];
}

/** A Kubernetes object as read (any kind, CRDs included). */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: ObjectMeta;
  readonly [key: string]: unknown;
}

/** Where an object came from: file, 1-based line, document index and, for `List` items, the path of the item. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly doc?: number;
  /** Path of the object inside its document (e.g. ['items', 3]) when it was a List item. */
  readonly itemPath?: JsonPath;
  /** Line of each JSON path inside the object, when the reader kept them (small files). */
  readonly lines?: ReadonlyMap<string, number>;
}

export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/** An object plus where it came from. The unit every source produces and every subject is built on. */
export interface Resource {
  readonly object: KubeObject;
  readonly ref: ObjectRef;
  readonly source?: SourceLocation;
}

export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'IngressClass',
  'RuntimeClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'CertificateSigningRequest',
  'PodSecurityPolicy',
  'FelixConfiguration',
]);

export function refOf(object: KubeObject): ObjectRef {
  const meta = object.metadata ?? {};
  const name = meta.name ?? meta.generateName ?? '(unnamed)';
  return meta.namespace !== undefined
    ? { apiVersion: object.apiVersion, kind: object.kind, namespace: meta.namespace, name }
    : { apiVersion: object.apiVersion, kind: object.kind, name };
}

/** Namespace an object lives in, defaulting namespaced kinds to `default` as `kubectl apply` would. */
export function namespaceOf(object: KubeObject): string | undefined {
  if (CLUSTER_SCOPED_KINDS.has(object.kind)) return undefined;
  return object.metadata?.namespace ?? 'default';
}

export const formatRef = (r: ObjectRef): string => `${r.kind}/${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const asArray = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);
export const asRecord = (v: unknown): Readonly<Record<string, unknown>> => (isRecord(v) ? v : {});
export const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const asNumber = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** Whether a document looks like a Kubernetes object (has string apiVersion and kind). */
export const isKubeObject = (v: unknown): v is KubeObject =>
  isRecord(v) && typeof v['apiVersion'] === 'string' && typeof v['kind'] === 'string';

/**
 * An object the API server stored (it has a uid) on behalf of a controller (a controller owner reference): a Pod of a
 * ReplicaSet, DaemonSet, StatefulSet or Job, a mirror Pod, a ReplicaSet of a Deployment. Its spec was generated from
 * a template that is validated on the owner, and the rest is written by the server: nothing in it is the user's to
 * fix, (the `schema-invalid` rule skips it, and readers do not validate it in advance).
 */
export function createdByController(object: KubeObject): boolean {
  const meta = object.metadata;
  if (!meta?.uid) return false;
  const owners: unknown = meta.ownerReferences;
  return Array.isArray(owners) && owners.some((o) => isRecord(o) && o['controller'] === true);
}

/** The items of a `List` or `*List` document (as `kubectl get -o yaml|json` prints them); undefined for anything else. */
export function listItems(value: unknown): unknown[] | undefined {
  return isKubeObject(value) && value.kind.endsWith('List') && Array.isArray(value['items'])
    ? (value['items'] as unknown[])
    : undefined;
}
