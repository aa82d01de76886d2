import type { ComponentConfigBase } from './component-config.js';
import { formatRef, namespaceOf, type Resource } from './object.js';
import { matchesSelector, type LabelSelector } from './selector.js';
import { isWorkloadKind, toWorkload, type Workload } from './workload.js';

/** An indexed, read-only view of everything a source read. */
export class Snapshot {
  readonly resources: readonly Resource[];
  readonly components: readonly ComponentConfigBase[];
  private readonly kindIndex = new Map<string, Resource[]>();
  /** kind → namespace ('' for cluster-scoped) → name: no key string is built per lookup (every pod looks up its owner). */
  private readonly nameIndex = new Map<string, Map<string, Map<string, Resource>>>();
  private readonly nsIndex = new Map<string, Resource[]>();
  private workloadCache?: readonly Workload[];
  private topWorkloadCache?: readonly Workload[];
  /** One view per resource, shared by `allWorkloads` and `workloads`. */
  private readonly viewCache = new Map<Resource, Workload>();

  /**
   * `components` may be computed from the indexed resources (e.g. component flags read from the workloads that no
   * listed controller owns): it is then called once, after indexing.
   */
  constructor(
    resources: readonly Resource[],
    components: readonly ComponentConfigBase[] | ((indexed: Snapshot) => readonly ComponentConfigBase[]) = [],
  ) {
    this.resources = Object.freeze([...resources]);
    for (const r of this.resources) {
      const kind = r.object.kind;
      push(this.kindIndex, kind, r);
      const ns = namespaceOf(r.object);
      if (ns !== undefined) push(this.nsIndex, ns, r);
      let byNs = this.nameIndex.get(kind);
      if (!byNs) this.nameIndex.set(kind, (byNs = new Map()));
      let byName = byNs.get(ns ?? '');
      if (!byName) byNs.set(ns ?? '', (byName = new Map()));
      byName.set(r.ref.name, r);
    }
    this.components = Object.freeze([...(typeof components === 'function' ? components(this) : components)]);
  }

  byKind(kind: string): readonly Resource[] {
    return this.kindIndex.get(kind) ?? [];
  }

  get kinds(): readonly string[] {
    return [...this.kindIndex.keys()].sort();
  }

  inNamespace(namespace: string, kind?: string): readonly Resource[] {
    const all = this.nsIndex.get(namespace) ?? [];
    return kind === undefined ? all : all.filter((r) => r.object.kind === kind);
  }

  get namespaces(): readonly string[] {
    return [...this.nsIndex.keys()].sort();
  }

  get(kind: string, namespace: string | undefined, name: string): Resource | undefined {
    return this.nameIndex
      .get(kind)
      ?.get(namespace ?? '')
      ?.get(name);
  }

  /** Every pod-owning object as a Workload (including those owned by another object in the snapshot). */
  get allWorkloads(): readonly Workload[] {
    this.workloadCache ??= this.collectWorkloads(() => true);
    return this.workloadCache;
  }

  /**
   * Workloads not controlled by another object of this snapshot: a Deployment, not its ReplicaSets and Pods.
   * Owned objects are never turned into views here (on a cluster dump that is most pods).
   */
  get workloads(): readonly Workload[] {
    this.topWorkloadCache ??= this.collectWorkloads((r) => this.controllerOf(r) === undefined);
    return this.topWorkloadCache;
  }

  private collectWorkloads(keep: (r: Resource) => boolean): Workload[] {
    const out: Workload[] = [];
    for (const r of this.resources) {
      if (!isWorkloadKind(r.object.kind) || !keep(r)) continue;
      let w = this.viewCache.get(r);
      if (w === undefined) {
        w = toWorkload(r);
        if (w === undefined) continue;
        this.viewCache.set(r, w);
      }
      out.push(w);
    }
    return out;
  }

  /** The controlling owner of a resource when that owner is in the snapshot. */
  controllerOf(resource: Resource): Resource | undefined {
    const owners = resource.object.metadata?.ownerReferences ?? [];
    const ctl = owners.find((o) => o.controller) ?? owners[0];
    if (!ctl) return undefined;
    return this.get(ctl.kind, namespaceOf(resource.object), ctl.name);
  }

  /** Workloads in `namespace` whose pod template labels match the selector. */
  workloadsMatching(namespace: string, selector: LabelSelector): readonly Workload[] {
    return this.workloadsIn(namespace).filter((w) => matchesSelector(selector, w.podLabels));
  }

  /** Top-level workloads of one namespace (indexed: cluster-wide joins call this once per object). */
  workloadsIn(namespace: string): readonly Workload[] {
    if (!this.workloadsByNs) {
      this.workloadsByNs = new Map();
      for (const w of this.workloads) push(this.workloadsByNs, w.namespace, w);
    }
    return this.workloadsByNs.get(namespace) ?? [];
  }

  /** Top-level workloads by namespace: a cluster-wide join (every Service) must not scan every workload each time. */
  private workloadsByNs?: Map<string, Workload[]>;

  describe(resource: Resource): string {
    return formatRef(resource.ref);
  }
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}
