/**
 * Capacity: when do requests or usage reach what the cluster can give with one node down (N-1), counting the
 * replicas HPAs may still add? A least-squares trend over the window, per resource.
 */
export interface CapacityQuery {
  readonly name: 'requests' | 'usage' | 'allocatable' | 'largestNode' | 'hpaExtraReplicas' | 'pods';
  readonly resource: 'cpu' | 'memory' | 'none';
  readonly query: string;
}

export const CAPACITY_QUERIES: readonly CapacityQuery[] = [
  { name: 'requests', resource: 'cpu', query: 'sum(kube_pod_container_resource_requests{resource="cpu"})' },
  { name: 'requests', resource: 'memory', query: 'sum(kube_pod_container_resource_requests{resource="memory"})' },
  {
    name: 'usage',
    resource: 'cpu',
    query: 'sum(rate(container_cpu_usage_seconds_total{container!="",container!="POD"}[$rate]))',
  },
  {
    name: 'usage',
    resource: 'memory',
    query: 'sum(container_memory_working_set_bytes{container!="",container!="POD"})',
  },
  { name: 'allocatable', resource: 'cpu', query: 'sum(kube_node_status_allocatable{resource="cpu"})' },
  { name: 'allocatable', resource: 'memory', query: 'sum(kube_node_status_allocatable{resource="memory"})' },
  { name: 'largestNode', resource: 'cpu', query: 'max(kube_node_status_allocatable{resource="cpu"})' },
  { name: 'largestNode', resource: 'memory', query: 'max(kube_node_status_allocatable{resource="memory"})' },
  {
    name: 'hpaExtraReplicas',
    resource: 'none',
    query:
      'sum(kube_horizontalpodautoscaler_spec_max_replicas - on (namespace, horizontalpodautoscaler) kube_horizontalpodautoscaler_status_current_replicas)',
  },
  { name: 'pods', resource: 'none', query: 'count(kube_pod_info)' },
];

export type Points = readonly (readonly [number, number])[];

/** Least-squares line through the points: value at `atSeconds` and slope per day. */
export function trend(
  points: Points,
  atSeconds: number,
): { readonly value: number; readonly perDay: number } | undefined {
  if (points.length < 2) return undefined;
  const n = points.length;
  const mt = points.reduce((s, p) => s + p[0], 0) / n;
  const mv = points.reduce((s, p) => s + p[1], 0) / n;
  let cov = 0;
  let vt = 0;
  for (const [t, v] of points) {
    cov += (t - mt) * (v - mv);
    vt += (t - mt) ** 2;
  }
  const slope = vt > 0 ? cov / vt : 0;
  return { value: mv + slope * (atSeconds - mt), perDay: slope * 86_400 };
}

export interface ResourceOutlook {
  readonly resource: 'cpu' | 'memory';
  readonly measure: 'requests' | 'usage';
  readonly now: number;
  /** What HPAs at their maximum add on top (average request per pod × replicas they may still add). */
  readonly hpaExtra: number;
  readonly perDay: number;
  /** Allocatable minus the largest node. */
  readonly headroomNMinus1: number;
  /** Days until now + hpaExtra + trend reaches the N-1 allocatable; 0 when already there; undefined when not growing. */
  readonly days: number | undefined;
}

export interface CapacityInput {
  readonly series: ReadonlyMap<string, Points>;
  readonly endSeconds: number;
}

const key = (q: Pick<CapacityQuery, 'name' | 'resource'>): string => `${q.name}:${q.resource}`;
export const capacityKey = key;

const last = (p: Points | undefined): number | undefined => (p && p.length ? p[p.length - 1]![1] : undefined);

export function capacityOutlook(input: CapacityInput): {
  readonly outlook: ResourceOutlook[];
  readonly missing: string[];
} {
  const outlook: ResourceOutlook[] = [];
  const missing: string[] = [];
  const extraReplicas = last(input.series.get(key({ name: 'hpaExtraReplicas', resource: 'none' }))) ?? 0;
  const pods = last(input.series.get(key({ name: 'pods', resource: 'none' })));
  for (const resource of ['cpu', 'memory'] as const) {
    const alloc = last(input.series.get(key({ name: 'allocatable', resource })));
    const largest = last(input.series.get(key({ name: 'largestNode', resource }))) ?? 0;
    if (alloc === undefined) {
      missing.push(`${resource}: no kube_node_status_allocatable (kube-state-metrics)`);
      continue;
    }
    const headroom = alloc - largest;
    for (const measure of ['requests', 'usage'] as const) {
      const pts = input.series.get(key({ name: measure, resource }));
      const tr = pts ? trend(pts, input.endSeconds) : undefined;
      if (!tr) {
        missing.push(`${resource} ${measure}: no series`);
        continue;
      }
      const requestsNow = last(input.series.get(key({ name: 'requests', resource })));
      const perPod = requestsNow !== undefined && pods ? requestsNow / pods : 0;
      const hpaExtra = measure === 'requests' ? Math.max(0, extraReplicas) * perPod : 0;
      const gap = headroom - (tr.value + hpaExtra);
      const days = gap <= 0 ? 0 : tr.perDay > 0 ? gap / tr.perDay : undefined;
      outlook.push({ resource, measure, now: tr.value, hpaExtra, perDay: tr.perDay, headroomNMinus1: headroom, days });
    }
  }
  return { outlook, missing };
}
