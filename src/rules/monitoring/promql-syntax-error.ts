import { defineRule } from '../../engine/define-rule.js';
import { monitoringSources, parseQuery } from './queries.js';

export default defineRule({
  id: 'promql-syntax-error',
  area: 'monitoring',
  target: 'cluster',
  defaultSeverity: 'error',
  summary: 'PromQL in alerting rules, recording rules and dashboards parses.',
  rationale:
    'A PrometheusRule with a syntax error is rejected by the operator\'s admission webhook when there is one, and otherwise makes Prometheus refuse to load the whole rule file: every alert of the group goes silent. A broken dashboard query just shows "no data", which looks like a healthy quiet system. Checked in PrometheusRule objects, dashboard ConfigMaps, GrafanaDashboard objects, plain Prometheus rule files and Grafana dashboard JSON files, parsed with Prometheus\' own grammar (@prometheus-io/lezer-promql); Grafana template variables ($__rate_interval, $namespace) are accepted.',
  messages: {
    syntax: '{where}: PromQL syntax error at line {line}, column {column}: {problem}.',
  },
  *check(snapshot) {
    for (const src of monitoringSources(snapshot)) {
      for (const q of src.queries) {
        const r = parseQuery(q.expr);
        if (r.ok) continue;
        yield {
          at: src.at,
          messageId: 'syntax',
          path: q.path,
          data: { where: q.where, line: r.error.line, column: r.error.column, problem: r.error.message },
        };
      }
    }
  },
});
