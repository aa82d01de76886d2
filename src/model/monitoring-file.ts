import type { ComponentConfigBase } from './component-config.js';

/**
 * A monitoring definition read from a plain file rather than a Kubernetes object: a Prometheus rule file
 * (`groups:`) or a Grafana dashboard JSON. Kept as parsed data; model/promql.ts parses the expressions.
 */
export interface MonitoringFile extends ComponentConfigBase {
  readonly component: 'prometheus-rule-file' | 'grafana-dashboard-file';
  /** The document as parsed (`{groups: [...]}` or the dashboard JSON). */
  readonly content: Readonly<Record<string, unknown>>;
}

export const MONITORING_FILE_COMPONENTS = ['prometheus-rule-file', 'grafana-dashboard-file'] as const;

export const isMonitoringFile = (c: ComponentConfigBase): c is MonitoringFile =>
  (MONITORING_FILE_COMPONENTS as readonly string[]).includes(c.component) && 'content' in c;
