/**
 * Recording rules that make a long `rightsize` cheap: the per-container CPU rate and memory peak, recorded once per
 * evaluation, so a 14-day statistic reads stored samples instead of re-deriving a rate per step. kubetune rightsize
 * takes its CPU statistics from the CPU rate when it covers the window (src/analyzers/rightsize/queries.ts,
 * CPU_RECORDING_RULES); the dashboards' rightsizing drift panels read both.
 */
import type { RuleGroup } from './types.js';

export const CONTAINER_CPU_RECORD = 'kubetune:container_cpu_usage_seconds:irate5m';
export const CONTAINER_MEMORY_RECORD = 'kubetune:container_memory_working_set_bytes:max5m';
const C = 'container!="",container!="POD"';

export function rightsizeRules(clusterLabel: string): RuleGroup {
  const by = `${clusterLabel}, namespace, pod, container`;
  return {
    name: 'kubetune.rightsize.rules',
    rules: [
      // irate over 5m: the last two samples, as kube-prometheus records it (node_namespace_pod_container:…:sum_irate)
      { record: CONTAINER_CPU_RECORD, expr: `sum by (${by}) (irate(container_cpu_usage_seconds_total{${C}}[5m]))` },
      {
        record: CONTAINER_MEMORY_RECORD,
        expr: `max by (${by}) (max_over_time(container_memory_working_set_bytes{${C}}[5m]))`,
      },
    ],
  };
}

export const RIGHTSIZE_METRICS = ['container_cpu_usage_seconds_total', 'container_memory_working_set_bytes'] as const;
