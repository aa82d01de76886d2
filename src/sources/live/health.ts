import { tryParseQuantity } from '../../core/units.js';
import { asRecord, type Resource } from '../../model/object.js';
import { APISERVER_METRICS_KIND } from './apiserver-metrics.js';

/** The guide's continuous check (GUIDE.md §7): healthy while cluster CPU < 80 % and memory < 85 %. */
export const HEALTH_LIMITS = { cpuPercent: 80, memoryPercent: 85 } as const;

/**
 * The guide's API p99 (GUIDE.md §7, per verb over 5 minutes), reduced to the worst verb for one number; WATCH and
 * CONNECT are long-running by design and left out.
 */
export const API_P99_PROMQL =
  'max(histogram_quantile(0.99, sum by (le, verb) (rate(apiserver_request_duration_seconds_bucket{verb!~"WATCH|WATCHLIST|CONNECT"}[5m]))))';

/** One line of the 30-minute health log. `null` means not measured (no metrics-server, /metrics forbidden...). */
export interface HealthRecord {
  readonly timestamp: string;
  readonly context: string;
  readonly cpuPercent: number | null;
  readonly memoryPercent: number | null;
  /** API request latency p99 (worst verb, long-running verbs excluded). */
  readonly apiP99Ms: number | null;
  /** Where the p99 comes from: Prometheus over the last 5 minutes, or the API server's histogram since it started. */
  readonly apiP99Source: 'prometheus-5m' | 'apiserver-since-start' | null;
  readonly nodes: number;
  readonly nodesWithMetrics: number;
  readonly status: 'healthy' | 'warning' | 'unknown';
  readonly reasons: readonly string[];
}

interface CpuMemory {
  readonly cpu: number;
  readonly memory: number;
}

/** What the record is computed from: allocatable and usage per node, and the API server's p99. */
function collect(resources: readonly Resource[]) {
  const allocatable = new Map<string, CpuMemory>();
  const usage = new Map<string, CpuMemory>();
  let p99Seconds: number | undefined;
  for (const { object } of resources) {
    const name = object.metadata?.name ?? '';
    if (object.kind === 'Node') allocatable.set(name, pair(asRecord(asRecord(object['status'])['allocatable'])));
    else if (object.kind === 'NodeMetrics') usage.set(name, pair(asRecord(object['usage'])));
    else if (object.kind === APISERVER_METRICS_KIND) {
      const p = asRecord(object['requestDuration'])['p99Seconds'];
      if (typeof p === 'number') p99Seconds = p;
    }
  }
  return { allocatable, usage, p99Seconds };
}

/** Usage over allocatable, summed over the nodes that have both (a node without metrics is left out). */
function utilisation(allocatable: ReadonlyMap<string, CpuMemory>, usage: ReadonlyMap<string, CpuMemory>) {
  const used = { cpu: 0, memory: 0 };
  const cap = { cpu: 0, memory: 0 };
  let measured = 0;
  for (const [node, u] of usage) {
    const a = allocatable.get(node);
    if (!a || a.cpu <= 0 || a.memory <= 0) continue;
    measured++;
    used.cpu += u.cpu;
    used.memory += u.memory;
    cap.cpu += a.cpu;
    cap.memory += a.memory;
  }
  if (measured === 0) return { measured, cpuPercent: null, memoryPercent: null };
  return {
    measured,
    cpuPercent: round((used.cpu / cap.cpu) * 100),
    memoryPercent: round((used.memory / cap.memory) * 100),
  };
}

function judge(cpuPercent: number | null, memoryPercent: number | null): Pick<HealthRecord, 'status' | 'reasons'> {
  if (cpuPercent === null || memoryPercent === null)
    return { status: 'unknown', reasons: ['no node usage (metrics.k8s.io not served or forbidden)'] };
  const reasons: string[] = [];
  if (cpuPercent >= HEALTH_LIMITS.cpuPercent) reasons.push(`CPU ${cpuPercent}% >= ${HEALTH_LIMITS.cpuPercent}%`);
  if (memoryPercent >= HEALTH_LIMITS.memoryPercent)
    reasons.push(`memory ${memoryPercent}% >= ${HEALTH_LIMITS.memoryPercent}%`);
  return { status: reasons.length > 0 ? 'warning' : 'healthy', reasons };
}

/**
 * Computes the health record from Nodes, NodeMetrics (metrics.k8s.io) and the APIServerMetrics object; a p99 from
 * Prometheus ({@link API_P99_PROMQL}), when given, is preferred to the API server's cumulative histogram. Pure.
 */
export function healthRecord(
  resources: readonly Resource[],
  at: { readonly context: string; readonly now: Date; readonly prometheusP99Seconds?: number },
): HealthRecord {
  const { allocatable, usage, p99Seconds } = collect(resources);
  const { measured, cpuPercent, memoryPercent } = utilisation(allocatable, usage);
  const prom = at.prometheusP99Seconds;
  const p99 = prom !== undefined && Number.isFinite(prom) ? prom : p99Seconds;
  return {
    timestamp: at.now.toISOString(),
    context: at.context,
    cpuPercent,
    memoryPercent,
    apiP99Ms: p99 !== undefined ? round(p99 * 1000) : null,
    apiP99Source: p99 === undefined ? null : p99 === prom ? 'prometheus-5m' : 'apiserver-since-start',
    nodes: allocatable.size,
    nodesWithMetrics: measured,
    ...judge(cpuPercent, memoryPercent),
  };
}

const pair = (r: Readonly<Record<string, unknown>>) => ({
  cpu: tryParseQuantity(r['cpu']) ?? 0,
  memory: tryParseQuantity(r['memory']) ?? 0,
});
const round = (n: number): number => Math.round(n * 10) / 10;

/** The record in Prometheus text format, for a Pushgateway (`PUT /metrics/job/kubetune/context/<ctx>`). */
export function healthMetricsText(r: HealthRecord): string {
  const lines = [
    ['kubetune_health_timestamp_seconds', 'When the health record was taken.', Date.parse(r.timestamp) / 1000],
    ['kubetune_cluster_cpu_percent', 'Cluster CPU usage as % of allocatable (metrics.k8s.io).', r.cpuPercent],
    ['kubetune_cluster_memory_percent', 'Cluster memory usage as % of allocatable (metrics.k8s.io).', r.memoryPercent],
    [
      'kubetune_apiserver_request_p99_seconds',
      'API server p99 request latency since it started.',
      r.apiP99Ms === null ? null : r.apiP99Ms / 1000,
    ],
    [
      'kubetune_health_healthy',
      '1 when CPU < 80% and memory < 85%, 0 when not, absent when unknown.',
      r.status === 'unknown' ? null : r.status === 'healthy' ? 1 : 0,
    ],
  ] as const;
  return lines
    .filter(([, , v]) => v !== null)
    .map(([name, help, v]) => `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${v}\n`)
    .join('');
}
