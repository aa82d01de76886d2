/**
 * Seeded usage traces of the shapes users have, for `bench:rightsize-strategies`: per-minute CPU (millicores) and
 * working set (bytes) of a few Deployments per shape, and the manifests that are their current spec (requests about
 * twice the typical usage, limits twice the requests: the over-provisioned spec rightsizing starts from).
 *
 * - `fault-spikes`: a low, noisy baseline with a few short spikes a day at 10-40× the baseline (fault injections,
 *   retries, cache misses), memory up to +30% during a spike.
 * - `diurnal`: a daily cycle (amplitude 30-80%), the second day up to 10% busier than the first.
 * - `memory-growth`: steady CPU, a working set growing linearly by 20-80% over the trace (a slow leak, a cache that
 *   fills) with a GC sawtooth on top.
 * - `batch-bursts`: a low baseline with a batch every 2-6 hours for 10-30 minutes at 300-1500m, memory +30-100%.
 *
 * The same seed gives the same traces (mulberry32).
 */
import type { PodUsage, UsageRow } from '../test/support/online-boutique.js';

export const SHAPES = ['fault-spikes', 'diurnal', 'memory-growth', 'batch-bursts'] as const;
export type ShapeName = (typeof SHAPES)[number];

const MiB = 2 ** 20;
const MINUTES_PER_DAY = 1440;

/** The seeded generator of src/core (mulberry32). */
import { seededRandom as prng } from '../src/core/random.js';
export { prng };

export interface ShapeOptions {
  readonly seed: number;
  readonly days: number;
  /** Unix seconds of the last sample (minute-aligned). */
  readonly endSeconds: number;
  readonly workloads: number;
}

interface Gen {
  readonly rnd: () => number;
  readonly minutes: number;
}
type Trace = (g: Gen) => { cpu: number[]; memMiB: number[] };

const between = (rnd: () => number, lo: number, hi: number): number => lo + rnd() * (hi - lo);
const noisy = (rnd: () => number, v: number, share: number): number => v * (1 + share * (2 * rnd() - 1));

const faultSpikes: Trace = ({ rnd, minutes }) => {
  const base = between(rnd, 3, 60);
  const mem = between(rnd, 40, 400);
  const cpu = Array.from({ length: minutes }, () => noisy(rnd, base, 0.4));
  const memMiB = Array.from({ length: minutes }, () => noisy(rnd, mem, 0.03));
  const spikes = Math.round((minutes / MINUTES_PER_DAY) * between(rnd, 2, 6));
  for (let s = 0; s < spikes; s++) {
    const at = Math.floor(rnd() * minutes);
    const len = 1 + Math.floor(rnd() * 5);
    const factor = between(rnd, 10, 40);
    const memUp = 1 + between(rnd, 0, 0.3);
    for (let m = at; m < Math.min(minutes, at + len); m++) {
      cpu[m] = noisy(rnd, base * factor, 0.2);
      memMiB[m] = mem * memUp;
    }
  }
  return { cpu, memMiB };
};

const diurnal: Trace = ({ rnd, minutes }) => {
  const base = between(rnd, 20, 400);
  const amp = between(rnd, 0.3, 0.8);
  const phase = rnd() * 2 * Math.PI;
  const growth = between(rnd, 0, 0.1);
  const mem = between(rnd, 100, 800);
  const cpu: number[] = [];
  const memMiB: number[] = [];
  for (let m = 0; m < minutes; m++) {
    const day = 1 + (growth * m) / minutes;
    const cycle = 1 + amp * Math.sin((2 * Math.PI * m) / MINUTES_PER_DAY + phase);
    cpu.push(noisy(rnd, base * cycle * day, 0.15));
    memMiB.push(noisy(rnd, mem * (1 + 0.3 * amp * Math.sin((2 * Math.PI * m) / MINUTES_PER_DAY + phase)), 0.02));
  }
  return { cpu, memMiB };
};

const memoryGrowth: Trace = ({ rnd, minutes }) => {
  const base = between(rnd, 10, 200);
  const mem = between(rnd, 100, 600);
  const growth = between(rnd, 0.2, 0.8);
  const gcPeriod = Math.round(between(rnd, 20, 90));
  const cpu: number[] = [];
  const memMiB: number[] = [];
  for (let m = 0; m < minutes; m++) {
    cpu.push(noisy(rnd, base, 0.25));
    const saw = 1 + 0.05 * ((m % gcPeriod) / gcPeriod);
    memMiB.push(mem * (1 + (growth * m) / minutes) * saw);
  }
  return { cpu, memMiB };
};

const batchBursts: Trace = ({ rnd, minutes }) => {
  const base = between(rnd, 5, 50);
  const mem = between(rnd, 80, 500);
  const period = Math.round(between(rnd, 2, 6) * 60);
  const len = Math.round(between(rnd, 10, 30));
  const level = between(rnd, 300, 1500);
  const memUp = 1 + between(rnd, 0.3, 1);
  const offset = Math.floor(rnd() * period);
  const cpu: number[] = [];
  const memMiB: number[] = [];
  for (let m = 0; m < minutes; m++) {
    const inBurst = (m + offset) % period < len;
    cpu.push(noisy(rnd, inBurst ? level : base, inBurst ? 0.1 : 0.3));
    memMiB.push(noisy(rnd, inBurst ? mem * memUp : mem, 0.02));
  }
  return { cpu, memMiB };
};

const TRACES: Readonly<Record<ShapeName, Trace>> = {
  'fault-spikes': faultSpikes,
  diurnal,
  'memory-growth': memoryGrowth,
  'batch-bursts': batchBursts,
};

/** A fake but controller-shaped pod name (`<deployment>-<rs hash>-<pod hash>`). */
function podName(deployment: string, rnd: () => number): string {
  const id = (n: number) =>
    Array.from({ length: n }, () => 'bcdfghjklmnpqrstvwxz2456789'[Math.floor(rnd() * 27)]).join('');
  return `${deployment}-${id(9)}-${id(5)}`;
}

export interface ShapeData {
  readonly shape: ShapeName;
  readonly namespace: string;
  readonly pods: readonly PodUsage[];
  /** Deployments with the current (over-provisioned) spec, as YAML. */
  readonly manifests: string;
}

const percentile = (values: readonly number[], q: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))]!;
};
const roundUp = (v: number, step: number): number => Math.max(step, Math.ceil(v / step) * step);

function deployment(name: string, namespace: string, cpu: readonly number[], memMiB: readonly number[]): string {
  const cpuReq = roundUp(2 * percentile(cpu, 0.5), 50);
  const memReq = roundUp(1.5 * percentile(memMiB, 0.5), 64);
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  replicas: 1
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: app
          image: registry.example/${name}:1.0
          resources:
            requests: { cpu: ${cpuReq}m, memory: ${memReq}Mi }
            limits: { cpu: ${2 * cpuReq}m, memory: ${2 * memReq}Mi }
`;
}

export function generateShape(shape: ShapeName, o: ShapeOptions): ShapeData {
  const rnd = prng(o.seed * 7919 + SHAPES.indexOf(shape));
  const minutes = o.days * MINUTES_PER_DAY;
  const start = o.endSeconds - (minutes - 1) * 60;
  const namespace = `shape-${shape}`;
  const pods: PodUsage[] = [];
  const docs: string[] = [];
  for (let w = 0; w < o.workloads; w++) {
    const name = `${shape}-${w}`;
    const { cpu, memMiB } = TRACES[shape]({ rnd, minutes });
    const rows: UsageRow[] = cpu.map((c, m) => ({
      t: start + m * 60,
      // Whole hundredths of a millicore: the counter Prometheus stores stays exact.
      cpuMillicores: Math.max(0.01, Math.round(c * 100) / 100),
      memoryBytes: Math.round(memMiB[m]! * 16) * (MiB / 16),
    }));
    pods.push({ pod: podName(name, rnd), deployment: name, container: 'app', rows });
    docs.push(deployment(name, namespace, cpu, memMiB));
  }
  return { shape, namespace, pods, manifests: docs.join('---\n') };
}
