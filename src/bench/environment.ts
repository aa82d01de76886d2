import type { BenchEnvironment } from '../model/bench.js';

/** Node-count bands of the guide's capacity matrix: results compare only within one band. */
export function nodeCountBand(n: number): string {
  if (n <= 10) return '1-10';
  if (n <= 100) return '11-100';
  if (n <= 1000) return '101-1000';
  return '1000+';
}

const minor = (v: string | undefined): string | undefined => /^v?(\d+\.\d+)/.exec(v ?? '')?.[1];

type Fact = readonly [name: string, pick: (e: BenchEnvironment) => string | number | undefined];

const CLUSTER_FACTS: readonly Fact[] = [
  ['Kubernetes minor', (e) => minor(e.kubernetesVersion)],
  ['node type', (e) => e.nodeType],
  ['CNI', (e) => e.cni],
  ['node-count band', (e) => (e.nodeCount === undefined ? undefined : nodeCountBand(e.nodeCount))],
];
const LOCAL_FACTS: readonly Fact[] = [
  ['CPU model', (e) => e.cpuModel],
  ['CPU count', (e) => e.cpus],
  ['kernel', (e) => e.kernel],
  ['host', (e) => e.hostname],
];

/** What differs between two environments that makes their results not comparable; empty when they are alike. */
export function environmentDifferences(a: BenchEnvironment, b: BenchEnvironment): readonly string[] {
  if (a.target !== b.target) return [`target ${a.target} vs ${b.target}`];
  const facts = a.target === 'cluster' ? CLUSTER_FACTS : LOCAL_FACTS;
  const out: string[] = [];
  for (const [name, pick] of facts) {
    const x = pick(a);
    const y = pick(b);
    if (x !== y) out.push(`${name} ${String(x ?? '?')} vs ${String(y ?? '?')}`);
  }
  return out;
}

export const isComparable = (a: BenchEnvironment, b: BenchEnvironment): boolean =>
  environmentDifferences(a, b).length === 0;
