/**
 * Test support: the real Online Boutique usage (../shared/data/usage/online-boutique/, IntelligentDDS/Nezha,
 * MIT) as cAdvisor-shaped history for a real Prometheus.
 *
 * - CPU comes from `CpuUsage(m)` (millicores averaged over the minute before each row; the `CpuUsageRate(%)` column
 *   uses a denominator that does not match the manifests). It becomes the counter
 *   `container_cpu_usage_seconds_total`, whose per-minute increase is exactly that usage.
 * - Memory is `MemoryUsage(Mi)` as `container_memory_working_set_bytes`.
 * - Time comes from the `Time` column (the `TimeStamp` column is offset by 2e8 s), snapped to the minute.
 * - Labels: namespace `default` (the manifests set none), the CSV's pod name, and the container name the manifest
 *   gives that Deployment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { MetricFamily, SeriesData } from './prometheus.js';

export const ONLINE_BOUTIQUE_DIR = new URL('../../../shared/data/usage/online-boutique/', import.meta.url).pathname;
export const ONLINE_BOUTIQUE_MANIFESTS = join(ONLINE_BOUTIQUE_DIR, 'kubernetes-manifests.yaml');
const MiB = 2 ** 20;

export interface UsageRow {
  /** Unix seconds, snapped to the minute. */
  readonly t: number;
  readonly cpuMillicores: number;
  readonly memoryBytes: number;
}

export interface PodUsage {
  readonly pod: string;
  readonly deployment: string;
  readonly container: string;
  readonly rows: readonly UsageRow[];
}

/** Deployment name → its first container's name, from the manifests. */
export function containerNames(manifestsFile = ONLINE_BOUTIQUE_MANIFESTS): Map<string, string> {
  const out = new Map<string, string>();
  for (const doc of parseAllDocuments(readFileSync(manifestsFile, 'utf8'))) {
    const o = doc.toJS() as {
      kind?: string;
      metadata?: { name?: string };
      spec?: { template?: { spec?: { containers?: { name: string }[] } } };
    };
    const name = o?.metadata?.name;
    const container = o?.spec?.template?.spec?.containers?.[0]?.name;
    if (o?.kind === 'Deployment' && name && container) out.set(name, container);
  }
  return out;
}

function parseTime(cell: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})/.exec(cell);
  if (!m) throw new Error(`online-boutique: unexpected Time cell ${JSON.stringify(cell)}`);
  return Math.round(Date.parse(`${m[1]}T${m[2]}Z`) / 60_000) * 60;
}

export function readOnlineBoutique(dir = ONLINE_BOUTIQUE_DIR): PodUsage[] {
  const names = containerNames(join(dir, 'kubernetes-manifests.yaml'));
  const out: PodUsage[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('_metric.csv'))
    .sort()) {
    const [header, ...lines] = readFileSync(join(dir, file), 'utf8').trim().split('\n');
    const cols = header!.split(',');
    const at = (name: string) => cols.indexOf(name);
    const [iTime, iPod, iCpu, iMem] = [at('Time'), at('PodName'), at('CpuUsage(m)'), at('MemoryUsage(Mi)')];
    const rows: UsageRow[] = [];
    let pod = '';
    for (const line of lines) {
      const c = line.split(',');
      pod = c[iPod]!;
      rows.push({ t: parseTime(c[iTime]!), cpuMillicores: Number(c[iCpu]), memoryBytes: Number(c[iMem]) * MiB });
    }
    const deployment = pod.replace(/-[a-z0-9]{6,10}-[a-z0-9]{5}$/, '');
    out.push({ pod, deployment, container: names.get(deployment) ?? 'server', rows });
  }
  return out;
}

/** Counter starting high (so that rate() never extrapolates to zero) with one extra sample a minute before the first row. */
function* cpuCounter(rows: readonly UsageRow[]): Generator<readonly [number, number]> {
  let value = 1000;
  let prev = (rows[0]?.t ?? 0) - 60;
  yield [prev, value];
  for (const r of rows) {
    value += (r.cpuMillicores / 1000) * (r.t - prev);
    prev = r.t;
    yield [r.t, value];
  }
}

export function onlineBoutiqueFamilies(pods: readonly PodUsage[], namespace = 'default'): MetricFamily[] {
  const labels = (p: PodUsage) => ({ namespace, pod: p.pod, container: p.container });
  const cpu: SeriesData[] = pods.map((p) => ({ labels: labels(p), samples: cpuCounter(p.rows) }));
  const mem: SeriesData[] = pods.map((p) => ({
    labels: labels(p),
    samples: p.rows.map((r) => [r.t, r.memoryBytes] as const),
  }));
  return [
    { name: 'container_cpu_usage_seconds_total', type: 'counter', series: cpu },
    { name: 'container_memory_working_set_bytes', type: 'gauge', series: mem },
  ];
}

/** Prometheus' quantile_over_time: linear interpolation at rank q·(n-1) of the sorted values. */
export function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = q * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}
