/**
 * Grafana dashboard JSON as plain objects (dashboard schemaVersion 39, Grafana 10.4+/11): a datasource template
 * variable every panel and variable queries through, cluster/namespace/node variables, timeseries panels whose unit
 * and threshold lines come from the KPI catalogue. Pure.
 */
import type { KpiLevels, KpiUnit } from '../../knowledge/kpis.js';

export const SCHEMA_VERSION = 39;
export const DATASOURCE = { type: 'prometheus', uid: '${datasource}' } as const;

export type Json = Readonly<Record<string, unknown>>;

/** Grafana unit ids (public/app/features/... valueFormats): seconds, 0-1 ratio, IEC bytes, per-second, plain. */
export const GRAFANA_UNIT: Readonly<Record<KpiUnit, string>> = {
  seconds: 's',
  ratio: 'percentunit',
  bytes: 'bytes',
  'per-second': 'ops',
  count: 'short',
};

/** Threshold steps: green below every level, then yellow (P2), orange (P1), red (P0) from each level up. */
export function thresholdSteps(levels: KpiLevels): Json[] {
  const steps: Json[] = [{ color: 'green', value: null }];
  for (const [p, color] of [
    ['P2', 'yellow'],
    ['P1', 'orange'],
    ['P0', 'red'],
  ] as const) {
    const v = levels[p];
    if (v !== undefined) steps.push({ color, value: v });
  }
  return steps.sort((a, b) => (Number(a['value'] ?? -Infinity) > Number(b['value'] ?? -Infinity) ? 1 : -1));
}

export interface PanelSpec {
  readonly title: string;
  readonly description: string;
  readonly exprs: readonly { readonly expr: string; readonly legend: string }[];
  readonly unit: string;
  readonly steps?: readonly Json[];
}

export function timeseriesPanel(spec: PanelSpec, id: number): Json {
  const x = ((id - 1) % 2) * 12;
  const y = Math.floor((id - 1) / 2) * 8;
  return {
    id,
    type: 'timeseries',
    title: spec.title,
    description: spec.description,
    datasource: DATASOURCE,
    gridPos: { h: 8, w: 12, x, y },
    targets: spec.exprs.map((e, i) => ({
      refId: String.fromCharCode(65 + i),
      datasource: DATASOURCE,
      expr: e.expr,
      legendFormat: e.legend,
      range: true,
    })),
    fieldConfig: {
      defaults: {
        unit: spec.unit,
        min: 0,
        color: { mode: 'palette-classic' },
        custom: {
          drawStyle: 'line',
          lineWidth: 1,
          fillOpacity: 10,
          thresholdsStyle: { mode: spec.steps ? 'dashed' : 'off' },
        },
        thresholds: { mode: 'absolute', steps: spec.steps ?? [{ color: 'green', value: null }] },
      },
      overrides: [],
    },
    options: {
      legend: { displayMode: 'table', placement: 'bottom', showLegend: true, calcs: ['max', 'lastNotNull'] },
      tooltip: { mode: 'multi', sort: 'desc' },
    },
  };
}

const queryVariable = (name: string, label: string, query: string): Json => ({
  name,
  label,
  type: 'query',
  datasource: DATASOURCE,
  definition: query,
  query: { query, refId: `${name}-variable` },
  refresh: 2,
  includeAll: true,
  allValue: '.*',
  multi: true,
  current: { selected: true, text: ['All'], value: ['$__all'] },
  sort: 1,
  hide: 0,
});

export interface DashboardSpec {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  readonly panels: readonly PanelSpec[];
  readonly clusterLabel: string;
  /** Which of namespace/node the panels filter on. */
  readonly variables: readonly ('namespace' | 'node')[];
}

export function dashboard(spec: DashboardSpec): Json {
  const c = `${spec.clusterLabel}=~"$cluster"`;
  const vars: Json[] = [
    {
      name: 'datasource',
      label: 'Data source',
      type: 'datasource',
      query: 'prometheus',
      refresh: 1,
      hide: 0,
      current: {},
    },
    queryVariable('cluster', 'Cluster', `label_values(up, ${spec.clusterLabel})`),
  ];
  if (spec.variables.includes('namespace'))
    vars.push(
      queryVariable('namespace', 'Namespace', `label_values(container_memory_working_set_bytes{${c}}, namespace)`),
    );
  if (spec.variables.includes('node'))
    vars.push(queryVariable('node', 'Node', `label_values(node_cpu_seconds_total{${c}}, instance)`));
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: ['kubetune'],
    editable: true,
    graphTooltip: 1,
    timezone: 'browser',
    schemaVersion: SCHEMA_VERSION,
    version: 1,
    refresh: '1m',
    time: { from: 'now-6h', to: 'now' },
    timepicker: {},
    fiscalYearStartMonth: 0,
    liveNow: false,
    weekStart: '',
    links: [],
    annotations: {
      list: [
        {
          builtIn: 1,
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          name: 'Annotations & Alerts',
          type: 'dashboard',
        },
      ],
    },
    templating: { list: vars },
    panels: spec.panels.map((p, i) => timeseriesPanel(p, i + 1)),
  };
}
