import type { JsonPath } from '../core/json-path.js';
import { tryParseQuantity, type Bytes, type Millicores } from '../core/units.js';
import {
  asArray,
  asNumber,
  asRecord,
  asString,
  isRecord,
  namespaceOf,
  type KubeObject,
  type ObjectRef,
  type Resource,
  type SourceLocation,
} from './object.js';

export const WORKLOAD_KINDS = [
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicationController',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];
export const isWorkloadKind = (k: string): k is WorkloadKind => (WORKLOAD_KINDS as readonly string[]).includes(k);

/** Where the pod spec sits in each kind. */
const POD_SPEC_PATH: Readonly<Record<WorkloadKind, JsonPath>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export type ContainerKind = 'container' | 'initContainer' | 'ephemeralContainer';

export interface ResourcePair<T extends number> {
  /** As declared. */
  readonly request?: T;
  readonly limit?: T;
  /** Request after API-server defaulting (request defaults to the limit when only a limit is set). */
  readonly effectiveRequest?: T;
}

export interface Probe {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly failureThreshold: number;
  readonly timeoutSeconds: number;
}

export interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: Readonly<Record<string, unknown>>;
}

export interface ContainerView {
  readonly name: string;
  readonly kind: ContainerKind;
  /** An init container with restartPolicy: Always (native sidecar, 1.28+). */
  readonly isSidecar: boolean;
  readonly index: number;
  /** Absolute path of the container in its object. */
  readonly path: JsonPath;
  readonly raw: Readonly<Record<string, unknown>>;
  readonly image?: string;
  readonly cpu: ResourcePair<Millicores>;
  readonly memory: ResourcePair<Bytes>;
  readonly env: readonly EnvVar[];
  readonly command: readonly string[];
  readonly args: readonly string[];
  readonly livenessProbe?: Probe;
  readonly readinessProbe?: Probe;
  readonly startupProbe?: Probe;
}

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

export interface Workload {
  readonly resource: Resource;
  readonly object: KubeObject;
  readonly ref: ObjectRef;
  readonly source?: SourceLocation;
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly namespace: string;
  readonly podSpecPath: JsonPath;
  readonly podSpec: Readonly<Record<string, unknown>>;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly podAnnotations: Readonly<Record<string, string>>;
  /** Desired replicas; undefined for DaemonSets (one per node). */
  readonly replicas: number | undefined;
  /** Deployments, StatefulSets, DaemonSets, ReplicaSets, RCs and bare Pods that restart forever. */
  readonly isLongRunning: boolean;
  readonly containers: readonly ContainerView[];
  readonly initContainers: readonly ContainerView[];
  readonly ephemeralContainers: readonly ContainerView[];
  /** App containers plus native sidecars: what runs for the pod's lifetime. */
  readonly runningContainers: readonly ContainerView[];
  readonly qosClass: QosClass;
}

function parseProbe(v: unknown): Probe | undefined {
  if (!isRecord(v)) return undefined;
  return {
    raw: v,
    initialDelaySeconds: asNumber(v['initialDelaySeconds']) ?? 0,
    periodSeconds: asNumber(v['periodSeconds']) ?? 10,
    failureThreshold: asNumber(v['failureThreshold']) ?? 3,
    timeoutSeconds: asNumber(v['timeoutSeconds']) ?? 1,
  };
}

function pair<T extends number>(
  requests: Readonly<Record<string, unknown>>,
  limits: Readonly<Record<string, unknown>>,
  name: string,
  scale: number,
): ResourcePair<T> {
  const req = tryParseQuantity(requests[name]);
  const lim = tryParseQuantity(limits[name]);
  const out: { request?: T; limit?: T; effectiveRequest?: T } = {};
  if (req !== undefined) out.request = (Math.round(req * scale * 1e6) / 1e6) as T;
  if (lim !== undefined) out.limit = (Math.round(lim * scale * 1e6) / 1e6) as T;
  const eff = out.request ?? out.limit;
  if (eff !== undefined) out.effectiveRequest = eff;
  return out;
}

const strings = (v: unknown): readonly string[] =>
  asArray(v).map((x) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : ''));

export function parseContainer(raw: unknown, kind: ContainerKind, index: number, basePath: JsonPath): ContainerView {
  const c = asRecord(raw);
  const resources = asRecord(c['resources']);
  const requests = asRecord(resources['requests']);
  const limits = asRecord(resources['limits']);
  const key = kind === 'container' ? 'containers' : kind === 'initContainer' ? 'initContainers' : 'ephemeralContainers';
  const env = asArray(c['env'])
    .filter(isRecord)
    .map((e): EnvVar => {
      const out: { name: string; value?: string; valueFrom?: Record<string, unknown> } = {
        name: asString(e['name']) ?? '',
      };
      if (e['value'] !== undefined) out.value = String(e['value']);
      if (isRecord(e['valueFrom'])) out.valueFrom = e['valueFrom'];
      return out;
    });
  const view: { -readonly [K in keyof ContainerView]: ContainerView[K] } = {
    name: asString(c['name']) ?? `#${index}`,
    kind,
    isSidecar: kind === 'initContainer' && c['restartPolicy'] === 'Always',
    index,
    path: [...basePath, key, index],
    raw: c,
    cpu: pair<Millicores>(requests, limits, 'cpu', 1000),
    memory: pair<Bytes>(requests, limits, 'memory', 1),
    env,
    command: strings(c['command']),
    args: strings(c['args']),
  };
  const image = asString(c['image']);
  if (image !== undefined) view.image = image;
  const liveness = parseProbe(c['livenessProbe']);
  if (liveness) view.livenessProbe = liveness;
  const readiness = parseProbe(c['readinessProbe']);
  if (readiness) view.readinessProbe = readiness;
  const startup = parseProbe(c['startupProbe']);
  if (startup) view.startupProbe = startup;
  return view;
}

/**
 * QoS class exactly as Kubernetes computes it (pkg/apis/core/helper/qos ComputePodQOS), on the
 * defaulted spec: only cpu and memory count, ephemeral containers are ignored, requests default to limits.
 */
export function computeQos(containers: readonly ContainerView[]): QosClass {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const c of containers) {
    if (c.kind === 'ephemeralContainer') continue;
    const found = new Set<string>();
    for (const [name, p] of [
      ['cpu', c.cpu],
      ['memory', c.memory],
    ] as const) {
      const req = p.effectiveRequest;
      if (req !== undefined && req > 0) requests.set(name, (requests.get(name) ?? 0) + req);
      if (p.limit !== undefined && p.limit > 0) {
        found.add(name);
        limits.set(name, (limits.get(name) ?? 0) + p.limit);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

const stringMap = (v: unknown): Readonly<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asRecord(v))) if (typeof val === 'string') out[k] = val;
  return out;
};

function podTemplateMeta(object: KubeObject, kind: WorkloadKind): Readonly<Record<string, unknown>> {
  if (kind === 'Pod') return asRecord(object.metadata);
  const spec = asRecord(object['spec']);
  const template =
    kind === 'CronJob'
      ? asRecord(asRecord(asRecord(spec['jobTemplate'])['spec'])['template'])
      : asRecord(spec['template']);
  return asRecord(template['metadata']);
}

function desiredReplicas(object: KubeObject, kind: WorkloadKind): number | undefined {
  const spec = asRecord(object['spec']);
  switch (kind) {
    case 'DaemonSet':
      return undefined;
    case 'Pod':
      return 1;
    case 'Job':
      return asNumber(spec['parallelism']) ?? 1;
    case 'CronJob':
      return asNumber(asRecord(asRecord(spec['jobTemplate'])['spec'])['parallelism']) ?? 1;
    default:
      return asNumber(spec['replicas']) ?? 1;
  }
}

/** Where a pod-owning object keeps its pod spec and template annotations, without parsing its containers. */
export interface PodTemplateRef {
  readonly podSpecPath: JsonPath;
  readonly podSpec: Readonly<Record<string, unknown>>;
  readonly podAnnotations: Readonly<Record<string, string>>;
}

/** The pod template of any pod-owning kind (cheap: for rules that need no container views); undefined otherwise. */
export function podTemplateOf(object: KubeObject): PodTemplateRef | undefined {
  if (!isWorkloadKind(object.kind)) return undefined;
  const podSpecPath = POD_SPEC_PATH[object.kind];
  let podSpec: unknown = object;
  for (const p of podSpecPath) podSpec = asRecord(podSpec)[p];
  const podAnnotations = stringMap(podTemplateMeta(object, object.kind)['annotations']);
  return { podSpecPath, podSpec: asRecord(podSpec), podAnnotations };
}

/** Builds the one Workload view over any pod-owning kind; undefined for other kinds. */
export function toWorkload(resource: Resource): Workload | undefined {
  const { object } = resource;
  if (!isWorkloadKind(object.kind)) return undefined;
  const kind = object.kind;
  const { podSpecPath, podSpec: spec, podAnnotations } = podTemplateOf(object)!;
  const list = (key: string, ck: ContainerKind) =>
    asArray(spec[key]).map((c, i) => parseContainer(c, ck, i, podSpecPath));
  const containers = list('containers', 'container');
  const initContainers = list('initContainers', 'initContainer');
  const ephemeralContainers = list('ephemeralContainers', 'ephemeralContainer');
  const meta = podTemplateMeta(object, kind);
  const restartPolicy = asString(spec['restartPolicy']) ?? 'Always';
  const workload: Workload = {
    resource,
    object,
    ref: resource.ref,
    ...(resource.source ? { source: resource.source } : {}),
    kind,
    name: resource.ref.name,
    namespace: namespaceOf(object) ?? 'default',
    podSpecPath,
    podSpec: spec,
    podLabels: stringMap(meta['labels']),
    podAnnotations,
    replicas: desiredReplicas(object, kind),
    isLongRunning: kind !== 'Job' && kind !== 'CronJob' && !(kind === 'Pod' && restartPolicy !== 'Always'),
    containers,
    initContainers,
    ephemeralContainers,
    runningContainers: [...containers, ...initContainers.filter((c) => c.isSidecar)],
    qosClass: computeQos([...containers, ...initContainers]),
  };
  return workload;
}
