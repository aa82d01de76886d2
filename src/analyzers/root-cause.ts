/**
 * Cross-layer root cause: chains the bottlenecks of one run along the causal links of the knowledge base
 * (src/knowledge/kpis-causes.ts), root first — e.g. disk await on cp-1 → etcd WAL fsync → API server p99.
 */
import { CAUSAL_LINKS, type CausalJoin, type CausalLink } from '../knowledge/kpis-causes.js';
import type { Labels } from '../model/prom-api.js';
import type { Bottleneck } from './types.js';

export interface CauseChain {
  /** Root cause first, final symptom last. */
  readonly steps: readonly Bottleneck[];
  /** Why each step drives the next (steps.length - 1 entries). */
  readonly because: readonly string[];
}

/** The host a series is about: `node` label, else `instance` without its port. */
export function hostOf(labels: Labels): string | undefined {
  const node = labels['node'];
  if (node) return node;
  const instance = labels['instance'];
  if (!instance) return undefined;
  const v6 = /^\[(.*)\](?::\d+)?$/.exec(instance);
  if (v6) return v6[1];
  return instance.replace(/:\d+$/, '');
}

const keysOf = (b: Bottleneck, key: (l: Labels) => string | undefined): Set<string> =>
  new Set(b.offenders.map((s) => key(s.labels)).filter((k): k is string => k !== undefined));

const JOIN_KEYS: Readonly<Record<Exclude<CausalJoin, 'any'>, (l: Labels) => string | undefined>> = {
  'same-host': hostOf,
  'same-pod': (l) => (l['namespace'] && l['pod'] ? `${l['namespace']}/${l['pod']}` : undefined),
  'same-container': (l) =>
    l['namespace'] && l['pod'] && l['container'] ? `${l['namespace']}/${l['pod']}/${l['container']}` : undefined,
};

export function joined(cause: Bottleneck, effect: Bottleneck, join: CausalJoin): boolean {
  if (join === 'any') return true;
  const a = keysOf(cause, JOIN_KEYS[join]);
  for (const k of keysOf(effect, JOIN_KEYS[join])) if (a.has(k)) return true;
  return false;
}

/** True when `small`'s steps appear, in order, inside `big`. */
function isSubsequence(small: readonly Bottleneck[], big: readonly Bottleneck[]): boolean {
  let i = 0;
  for (const b of big) if (b === small[i]) i++;
  return i === small.length;
}

/** All maximal chains (length ≥ 2) through the bottlenecks, root first; at most `max`, longest first. */
export function buildChains(
  bottlenecks: readonly Bottleneck[],
  links: readonly CausalLink[] = CAUSAL_LINKS,
  max = 10,
): CauseChain[] {
  const edges = new Map<Bottleneck, { to: Bottleneck; why: string }[]>();
  const hasCause = new Set<Bottleneck>();
  for (const link of links) {
    for (const c of bottlenecks.filter((b) => b.kpi.id === link.cause)) {
      for (const e of bottlenecks.filter((b) => b.kpi.id === link.effect)) {
        if (c === e || !joined(c, e, link.join)) continue;
        edges.set(c, [...(edges.get(c) ?? []), { to: e, why: link.why }]);
        hasCause.add(e);
      }
    }
  }
  const chains: CauseChain[] = [];
  const walk = (path: Bottleneck[], because: string[]) => {
    const next = (edges.get(path[path.length - 1]!) ?? []).filter((n) => !path.includes(n.to));
    if (next.length === 0) {
      if (path.length >= 2) chains.push({ steps: [...path], because: [...because] });
      return;
    }
    for (const n of next) walk([...path, n.to], [...because, n.why]);
  };
  for (const root of bottlenecks.filter((b) => edges.has(b) && !hasCause.has(b))) walk([root], []);
  const sorted = chains.sort((a, b) => b.steps.length - a.steps.length);
  const kept: CauseChain[] = [];
  for (const c of sorted) if (!kept.some((k) => isSubsequence(c.steps, k.steps))) kept.push(c);
  return kept.slice(0, max);
}
