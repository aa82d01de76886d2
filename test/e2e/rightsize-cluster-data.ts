/**
 * The history of a small cluster as cAdvisor and kube-state-metrics export it, for rightsize-cluster.test.ts:
 * a Deployment (2 replicas, init container `migrate`, throttled, with a 50% CPU HPA), an OOM-killed StatefulSet,
 * and two short runs of a CronJob.
 */
import { CPU_RECORDING_RULES } from '../../src/analyzers/rightsize/queries.js';
import {
  counterSamples,
  sampleRange,
  type MetricFamily,
  type SeriesData,
  type TimeRange,
} from '../support/prometheus.js';

export const MiB = 2 ** 20;
export const END = 1_767_225_600;
const RANGE: TimeRange = { startSeconds: END - 2 * 86_400, endSeconds: END, stepSeconds: 60 };
const API = ['api-7d9f8c6b5-aaaaa', 'api-7d9f8c6b5-bbbbb'];
const JOBS = ['report-29100000-abcde', 'report-29100060-fghij'];
const sub = (from: number, minutes: number): TimeRange => ({
  startSeconds: from,
  endSeconds: from + (minutes - 1) * 60,
  stepSeconds: 60,
});

interface Usage {
  pod: string;
  container: string;
  range: TimeRange;
  cores: number;
  bytes: number;
}
const USAGE: Usage[] = [
  ...API.map((pod) => ({ pod, container: 'app', range: RANGE, cores: 0.2, bytes: 200 * MiB })),
  ...API.map((pod) => ({ pod, container: 'migrate', range: sub(RANGE.startSeconds, 10), cores: 0.5, bytes: 64 * MiB })),
  { pod: 'worker-0', container: 'db', range: RANGE, cores: 0.1, bytes: 100 * MiB },
  ...JOBS.map((pod, i) => ({
    pod,
    container: 'job',
    range: sub(RANGE.startSeconds + 3600 * (i + 1), 30),
    cores: 1,
    bytes: 100 * MiB,
  })),
];

const labels = (pod: string, container: string, extra: Record<string, string> = {}) => ({
  namespace: 'shop',
  pod,
  container,
  ...extra,
});
const constant = (l: Record<string, string>, value: number, range = RANGE): SeriesData => ({
  labels: l,
  samples: sampleRange(range, () => value),
});
const info = (l: Record<string, string>): SeriesData => constant(l, 1, { ...RANGE, stepSeconds: 3600 });

export function families(): MetricFamily[] {
  return [
    {
      name: 'container_cpu_usage_seconds_total',
      type: 'counter',
      series: USAGE.map((u) => ({
        labels: labels(u.pod, u.container),
        samples: counterSamples(u.range, u.cores, 1000),
      })),
    },
    {
      name: 'container_memory_working_set_bytes',
      type: 'gauge',
      series: USAGE.map((u) => constant(labels(u.pod, u.container), u.bytes, u.range)),
    },
    {
      // What kube-prometheus' recording rule stores: the per-container irate of the counter above, with the node.
      name: CPU_RECORDING_RULES[0],
      type: 'gauge',
      series: USAGE.map((u) =>
        constant(labels(u.pod, u.container, { node: 'node-1' }), u.cores, {
          ...u.range,
          startSeconds: u.range.startSeconds + u.range.stepSeconds,
        }),
      ),
    },
    {
      name: 'container_cpu_cfs_periods_total',
      type: 'counter',
      series: API.map((p) => ({ labels: labels(p, 'app'), samples: counterSamples(RANGE, 10) })),
    },
    {
      name: 'container_cpu_cfs_throttled_periods_total',
      type: 'counter',
      series: API.map((p) => ({ labels: labels(p, 'app'), samples: counterSamples(RANGE, 3) })),
    },
    {
      name: 'container_oom_events_total',
      type: 'counter',
      series: [
        {
          labels: labels('worker-0', 'db'),
          samples: counterSamples(RANGE, (t) => (t === RANGE.startSeconds + 86_400 ? 1 / 60 : 0)),
        },
      ],
    },
    {
      name: 'kube_pod_container_resource_limits',
      type: 'gauge',
      series: [
        ...API.map((p) => constant(labels(p, 'app', { resource: 'cpu', unit: 'core' }), 0.25)),
        ...API.map((p) => constant(labels(p, 'app', { resource: 'memory', unit: 'byte' }), 512 * MiB)),
        constant(labels('worker-0', 'db', { resource: 'memory', unit: 'byte' }), 256 * MiB),
      ],
    },
    {
      name: 'kube_pod_container_resource_requests',
      type: 'gauge',
      series: API.map((p) => constant(labels(p, 'app', { resource: 'cpu', unit: 'core' }), 0.2)),
    },
    {
      name: 'kube_pod_owner',
      type: 'gauge',
      series: [
        ...API.map((pod) =>
          info({
            namespace: 'shop',
            pod,
            owner_kind: 'ReplicaSet',
            owner_name: 'api-7d9f8c6b5',
            owner_is_controller: 'true',
          }),
        ),
        info({
          namespace: 'shop',
          pod: 'worker-0',
          owner_kind: 'StatefulSet',
          owner_name: 'worker',
          owner_is_controller: 'true',
        }),
        ...JOBS.map((pod) =>
          info({
            namespace: 'shop',
            pod,
            owner_kind: 'Job',
            owner_name: pod.slice(0, -6),
            owner_is_controller: 'true',
          }),
        ),
      ],
    },
    {
      name: 'kube_replicaset_owner',
      type: 'gauge',
      series: [info({ namespace: 'shop', replicaset: 'api-7d9f8c6b5', owner_kind: 'Deployment', owner_name: 'api' })],
    },
    {
      name: 'kube_job_owner',
      type: 'gauge',
      series: JOBS.map((pod) =>
        info({ namespace: 'shop', job_name: pod.slice(0, -6), owner_kind: 'CronJob', owner_name: 'report' }),
      ),
    },
    {
      name: 'kube_horizontalpodautoscaler_info',
      type: 'gauge',
      series: [
        info({
          namespace: 'shop',
          horizontalpodautoscaler: 'api',
          scaletargetref_kind: 'Deployment',
          scaletargetref_name: 'api',
        }),
      ],
    },
    {
      name: 'kube_horizontalpodautoscaler_spec_target_metric',
      type: 'gauge',
      series: [
        constant(
          { namespace: 'shop', horizontalpodautoscaler: 'api', metric_name: 'cpu', metric_target_type: 'utilization' },
          50,
        ),
      ],
    },
    {
      name: 'kube_pod_init_container_info',
      type: 'gauge',
      series: API.map((pod) => info({ namespace: 'shop', pod, container: 'migrate' })),
    },
  ];
}
