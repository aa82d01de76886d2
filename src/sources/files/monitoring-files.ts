import { parse as parseYaml } from 'yaml';
import type { MonitoringFile } from '../../model/monitoring-file.js';
import { isRecord } from '../../model/object.js';
import type { ComponentFileReader } from './component-readers.js';
import { fileRef, fileSource, parseProblem } from './configs/common.js';

const RULE_FILE = /^groups:\s*$/m;
const DASHBOARD = /"(panels|rows)"\s*:/;

/** Prometheus rule files (`groups:` at the top) and Grafana dashboard JSON, which are not Kubernetes objects. */
export const MONITORING_FILE_READER: ComponentFileReader = {
  name: 'monitoring-file',
  matches: (file, head) =>
    head !== '' &&
    ((/\.ya?ml$/i.test(file) && RULE_FILE.test(head)) || (/\.json$/i.test(file) && DASHBOARD.test(head))),
  read(text, file, firstLine = 1) {
    let value: unknown;
    try {
      value = /^\s*\{/.test(text) ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
      return {
        components: [],
        diagnostics: [parseProblem(file, firstLine, e instanceof Error ? e.message : String(e))],
      };
    }
    if (!isRecord(value)) return { components: [], diagnostics: [] };
    const isRules = Array.isArray(value['groups']);
    const isDashboard = Array.isArray(value['panels']) || Array.isArray(value['rows']);
    if (!isRules && !isDashboard) return { components: [], diagnostics: [] };
    const component: MonitoringFile = {
      component: isRules ? 'prometheus-rule-file' : 'grafana-dashboard-file',
      ref: fileRef(isRules ? 'PrometheusRuleFile' : 'GrafanaDashboardFile', file),
      source: fileSource(file, firstLine, new Map()),
      content: value,
    };
    return { components: [component], diagnostics: [] };
  },
};
