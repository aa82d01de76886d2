import { MILLICORES_PER_CORE } from '../../core/numbers.js';
import { defineRule } from '../../engine/define-rule.js';
import { formatCpu, humanBytes, tryParseQuantity } from '../../core/units.js';
import { asRecord } from '../../model/object.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { Workload } from '../../model/workload.js';
import { allHpas, hpaTarget } from './hpa-view.js';

interface Capacity {
  cpu: number;
  memory: number;
}

function allocatable(snapshot: Snapshot): Capacity {
  const total = { cpu: 0, memory: 0 };
  for (const n of snapshot.byKind('Node')) {
    const a = asRecord(asRecord(n.object['status'])['allocatable']);
    total.cpu += (tryParseQuantity(a['cpu']) ?? 0) * MILLICORES_PER_CORE;
    total.memory += tryParseQuantity(a['memory']) ?? 0;
  }
  return total;
}

/** Per-pod requests (app containers and sidecars; init containers run before and do not add up). */
const podRequests = (w: Workload): Capacity =>
  w.runningContainers.reduce(
    (s, c) => ({ cpu: s.cpu + (c.cpu.effectiveRequest ?? 0), memory: s.memory + (c.memory.effectiveRequest ?? 0) }),
    { cpu: 0, memory: 0 },
  );

export default defineRule({
  id: 'hpa-max-exceeds-capacity',
  area: 'autoscaling',
  target: 'cluster',
  defaultSeverity: 'warning',
  summary: "HPAs at their maxReplicas fit in the cluster's allocatable CPU and memory.",
  rationale:
    "maxReplicas is a promise: under the load that drives an HPA to its maximum, every extra pod must find room. When maxReplicas × the pod's requests alone, or all HPAs at their maximum together with the other workloads, exceed what the nodes can allocate, the last replicas stay Pending exactly when they are needed (unless a cluster autoscaler can add nodes in time). Computed from the Node objects in the input (status.allocatable) and the target's requests; without nodes the rule stays silent.",
  messages: {
    exceeds:
      'at maxReplicas {max}, {kind}/{name} requests {needed} {resource} but the {nodes} node(s) allocate {allocatable} in total.',
    together:
      'with every HPA at maxReplicas, the workloads of the input request {needed} {resource}, above the {allocatable} the {nodes} node(s) allocate; this HPA is the largest share ({share}).',
  },
  *check(snapshot) {
    const nodes = snapshot.byKind('Node').length;
    if (nodes === 0) return;
    const cap = allocatable(snapshot);
    const alone = new Set<string>();
    for (const hpa of allHpas(snapshot)) {
      const w = hpaTarget(snapshot, hpa);
      if (!w || hpa.maxReplicas === undefined) continue;
      const per = podRequests(w);
      for (const res of ['cpu', 'memory'] as const) {
        const needed = per[res] * hpa.maxReplicas;
        if (cap[res] <= 0 || needed <= cap[res]) continue;
        const fmt = res === 'cpu' ? formatCpu : humanBytes;
        alone.add(res);
        yield {
          messageId: 'exceeds',
          path: ['spec', 'maxReplicas'],
          at: hpa.resource,
          data: {
            max: hpa.maxReplicas,
            kind: w.kind,
            name: w.name,
            needed: fmt(needed),
            resource: res,
            nodes,
            allocatable: fmt(cap[res]),
          },
        };
      }
    }
    yield* together(snapshot, cap, nodes, alone);
  },
});

/** Every HPA at its max plus every other workload at its replica count (DaemonSets once per node). */
function* together(snapshot: Snapshot, cap: Capacity, nodes: number, alreadyReported: ReadonlySet<string>) {
  const hpas = allHpas(snapshot).flatMap((h) => {
    const w = hpaTarget(snapshot, h);
    return w && h.maxReplicas !== undefined ? [{ hpa: h, w, per: podRequests(w), count: h.maxReplicas }] : [];
  });
  if (hpas.length === 0) return;
  const scaled = new Set(hpas.map((x) => x.w.resource));
  const others = snapshot.workloads
    .filter((w) => w.isLongRunning && !scaled.has(w.resource))
    .map((w) => ({ per: podRequests(w), count: w.replicas ?? nodes }));
  for (const res of ['cpu', 'memory'] as const) {
    if (alreadyReported.has(res) || cap[res] <= 0) continue;
    const needed = [...hpas, ...others].reduce((s, x) => s + x.per[res] * x.count, 0);
    if (needed <= cap[res]) continue;
    const top = hpas.reduce((a, b) => (b.per[res] * b.count > a.per[res] * a.count ? b : a));
    const fmt = res === 'cpu' ? formatCpu : humanBytes;
    yield {
      messageId: 'together' as const,
      path: ['spec', 'maxReplicas'],
      at: top.hpa.resource,
      data: {
        needed: fmt(needed),
        resource: res,
        allocatable: fmt(cap[res]),
        nodes,
        share: fmt(top.per[res] * top.count),
      },
    };
  }
}
