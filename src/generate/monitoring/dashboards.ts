/**
 * `kubetune generate dashboards`: control plane, etcd, nodes, workloads and rightsizing drift, each panel on a series
 * the generated rules record (so a panel costs one cheap query), as Grafana JSON, as ConfigMaps the Grafana sidecar
 * loads (label grafana_dashboard: "1", kube-prometheus-stack's default) and as grafana-operator GrafanaDashboard CRs.
 */
import { formatKpiValue } from '../../analyzers/format.js';
import { KPIS, type Kpi } from '../../knowledge/kpis.js';
import type { ProfileName } from '../../knowledge/profiles.js';
import { groupingOf } from '../../model/metric-expr.js';
import {
  dashboard,
  GRAFANA_UNIT,
  thresholdSteps,
  type DashboardSpec,
  type Json,
  type PanelSpec,
} from './dashboard-json.js';
import { recordName } from './kpi-expr.js';
import { dumpYaml } from './render-rules.js';
import { CONTAINER_CPU_RECORD, CONTAINER_MEMORY_RECORD } from './rightsize-rules.js';
import { sloRecord } from './slo.js';
import { isAlertingRule, type GeneratedRules } from './types.js';

export interface DashboardsOptions {
  readonly rules: GeneratedRules;
  readonly profile: ProfileName;
  readonly clusterLabel: string;
  readonly namespace?: string;
}

interface Board {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly components: readonly string[];
  readonly variables: DashboardSpec['variables'];
}

const BOARDS: readonly Board[] = [
  {
    uid: 'kubetune-control-plane',
    title: 'kubetune / Control plane',
    description: 'API server latency, load, errors, priority and fairness, SLO burn; scheduler; controllers; CoreDNS.',
    components: ['kube-apiserver', 'kube-scheduler', 'kube-controller-manager', 'coredns'],
    variables: [],
  },
  {
    uid: 'kubetune-etcd',
    title: 'kubetune / etcd',
    description: 'etcd disk latency, database size vs quota, leadership, proposals, peer RTT.',
    components: ['etcd'],
    variables: [],
  },
  {
    uid: 'kubetune-nodes',
    title: 'kubetune / Nodes',
    description: 'Node CPU, memory, disk and network saturation (node-exporter) and kubelet latency.',
    components: ['node-exporter', 'kubelet'],
    variables: ['node'],
  },
  {
    uid: 'kubetune-workloads',
    title: 'kubetune / Workloads',
    description: 'CPU throttling, OOM kills, usage vs limits and requests, restarts, service latency.',
    components: ['cadvisor', 'kube-state-metrics', 'application'],
    variables: ['namespace'],
  },
];

const legendOf = (kpi: Kpi): string =>
  groupingOf(kpi.expr)
    .map((l) => `{{${l}}}`)
    .join(' ') || kpi.component;

function kpiPanel(kpi: Kpi, o: DashboardsOptions, filters: readonly string[]): PanelSpec {
  const levels = kpi.levels[o.profile];
  const marks = (['P0', 'P1', 'P2'] as const)
    .filter((p) => levels[p] !== undefined)
    .map((p) => `${p} > ${formatKpiValue(levels[p]!, kpi.unit)}`);
  const by = groupingOf(kpi.expr);
  const matchers = [`${o.clusterLabel}=~"$cluster"`, ...filters.filter((f) => by.includes(f.split('=~')[0]!))];
  return {
    title: kpi.title,
    description: `${marks.length ? `Levels (profile ${o.profile}): ${marks.join(', ')}. ` : ''}${kpi.remediation} Runbook: docs/runbooks.md#${kpi.id}`,
    exprs: [{ expr: `topk(10, ${recordName(kpi)}{${matchers.join(',')}})`, legend: legendOf(kpi) }],
    unit: GRAFANA_UNIT[kpi.unit],
    steps: thresholdSteps(levels),
  };
}

function sloPanels(o: DashboardsOptions): PanelSpec[] {
  const recorded = new Set(o.rules.recording.flatMap((g) => g.rules.map((r) => ('record' in r ? r.record : ''))));
  const c = `{${o.clusterLabel}=~"$cluster"}`;
  return (['availability', 'latency'] as const)
    .filter((s) => recorded.has(sloRecord(s, '1h')))
    .map((s) => ({
      title: `API ${s} SLO: ${s === 'availability' ? 'error (5xx)' : 'slow request'} ratio`,
      description: `Share of non-streaming API requests that ${s === 'availability' ? 'failed with 5xx' : 'missed the upstream latency SLO'}, over the burn-rate windows the SLO alerts use.`,
      exprs: ['5m', '1h', '6h', '1d'].map((w) => ({ expr: `${sloRecord(s, w)}${c}`, legend: w })),
      unit: 'percentunit',
    }));
}

/** Workloads: requests vs usage per namespace. */
function usagePanels(o: DashboardsOptions): PanelSpec[] {
  const m = `${o.clusterLabel}=~"$cluster",namespace=~"$namespace"`;
  const req = (r: string) => `sum by (namespace) (kube_pod_container_resource_requests{${m},resource="${r}"})`;
  return [
    {
      title: 'CPU usage vs requests, by namespace',
      description:
        'Above 100%: the namespace uses more CPU than it asked the scheduler for (noisy neighbours); far below: over-requested.',
      exprs: [{ expr: `sum by (namespace) (${CONTAINER_CPU_RECORD}{${m}}) / ${req('cpu')}`, legend: '{{namespace}}' }],
      unit: 'percentunit',
    },
    {
      title: 'Memory working set vs requests, by namespace',
      description: 'Above 100%: pods are first in line for eviction under node memory pressure.',
      exprs: [
        { expr: `sum by (namespace) (${CONTAINER_MEMORY_RECORD}{${m}}) / ${req('memory')}`, legend: '{{namespace}}' },
      ],
      unit: 'percentunit',
    },
  ];
}

/** Rightsizing drift: requests against the usage `kubetune rightsize` would size them from. */
function driftPanels(o: DashboardsOptions): PanelSpec[] {
  const m = `${o.clusterLabel}=~"$cluster",namespace=~"$namespace"`;
  const by = 'namespace, pod, container';
  const req = (r: string) => `max by (${by}) (kube_pod_container_resource_requests{${m},resource="${r}"})`;
  return [
    {
      title: 'CPU request / p95 usage over 1d (worst containers)',
      description:
        'How far each request drifted from the p95 usage rightsize sizes CPU from: above 1 over-requested, below 1 under-requested.',
      exprs: [
        {
          expr: `topk(20, ${req('cpu')} / max by (${by}) (quantile_over_time(0.95, ${CONTAINER_CPU_RECORD}{${m}}[1d])))`,
          legend: '{{namespace}}/{{pod}}/{{container}}',
        },
      ],
      unit: 'short',
    },
    {
      title: 'Memory request / peak working set over 1d (worst containers)',
      description:
        'Request against the daily memory peak: below 1 the container runs above its request (eviction risk).',
      exprs: [
        {
          expr: `topk(20, ${req('memory')} / max by (${by}) (max_over_time(${CONTAINER_MEMORY_RECORD}{${m}}[1d])))`,
          legend: '{{namespace}}/{{pod}}/{{container}}',
        },
      ],
      unit: 'short',
    },
  ];
}

/** Every dashboard as JSON objects, keyed by uid. */
export function buildDashboards(o: DashboardsOptions): { uid: string; json: Json }[] {
  const recorded = new Set(o.rules.recording.flatMap((g) => g.rules.map((r) => (isAlertingRule(r) ? '' : r.record))));
  const hasRightsize = recorded.has(CONTAINER_CPU_RECORD);
  const boards = BOARDS.map((b) => {
    const filters = [
      ...(b.variables.includes('namespace') ? ['namespace=~"$namespace"'] : []),
      ...(b.variables.includes('node') ? ['instance=~"$node"'] : []),
    ];
    const kpis = KPIS.filter((k) => b.components.includes(k.component) && recorded.has(recordName(k)));
    const panels = [
      ...(b.uid === 'kubetune-control-plane' ? sloPanels(o) : []),
      ...kpis.map((k) => kpiPanel(k, o, filters)),
      ...(b.uid === 'kubetune-workloads' && hasRightsize ? usagePanels(o) : []),
    ];
    return { uid: b.uid, json: dashboard({ ...b, panels, clusterLabel: o.clusterLabel }) };
  });
  if (!hasRightsize) return boards;
  const drift = dashboard({
    uid: 'kubetune-rightsizing',
    title: 'kubetune / Rightsizing drift',
    description: 'Requests against the usage kubetune rightsize sizes them from (p95 CPU, peak memory).',
    panels: driftPanels(o),
    clusterLabel: o.clusterLabel,
    variables: ['namespace'],
  });
  return [...boards, { uid: 'kubetune-rightsizing', json: drift }];
}

export function generateDashboards(o: DashboardsOptions): { path: string; text: string }[] {
  const boards = buildDashboards(o);
  const ns = o.namespace ? { namespace: o.namespace } : {};
  const configMaps = boards.map((b) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: b.uid, ...ns, labels: { grafana_dashboard: '1', 'app.kubernetes.io/managed-by': 'kubetune' } },
    data: { [`${b.uid}.json`]: JSON.stringify(b.json, null, 2) },
  }));
  const crs = boards.map((b) => ({
    apiVersion: 'grafana.integreatly.org/v1beta1',
    kind: 'GrafanaDashboard',
    metadata: { name: b.uid, ...ns, labels: { 'app.kubernetes.io/managed-by': 'kubetune' } },
    spec: { instanceSelector: { matchLabels: { dashboards: 'grafana' } }, json: JSON.stringify(b.json, null, 2) },
  }));
  const header = `# Generated by \`kubetune generate dashboards --profile ${o.profile}\`: regenerate, do not edit.\n`;
  return [
    ...boards.map((b) => ({ path: `dashboards/${b.uid}.json`, text: JSON.stringify(b.json, null, 2) + '\n' })),
    { path: 'dashboards/kubetune-dashboards-configmaps.yaml', text: header + configMaps.map(dumpYaml).join('---\n') },
    { path: 'dashboards/kubetune-grafanadashboards.yaml', text: header + crs.map(dumpYaml).join('---\n') },
  ];
}
