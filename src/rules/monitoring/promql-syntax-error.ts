import { defineRule } from '../../engine/define-rule.js';
import { MONITORING_KINDS, parseQuery, queriesOf } from './queries.js';

export default defineRule({
  id: 'promql-syntax-error',
  area: 'monitoring',
  target: 'object',
  kinds: MONITORING_KINDS,
  defaultSeverity: 'error',
  summary: 'PromQL in alerting rules, recording rules and dashboards parses.',
  rationale:
    'A PrometheusRule with a syntax error is rejected by the operator\'s admission webhook when there is one, and otherwise makes Prometheus refuse to load the whole rule file: every alert of the group goes silent. A broken dashboard query just shows "no data", which looks like a healthy quiet system. Parsed with Prometheus\' own grammar (@prometheus-io/lezer-promql); Grafana template variables ($__rate_interval, $namespace) are accepted.',
  messages: {
    syntax: '{where}: PromQL syntax error at line {line}, column {column}: {problem}.',
  },
  *check(resource) {
    for (const q of queriesOf(resource)) {
      const r = parseQuery(q.expr);
      if (r.ok) continue;
      yield {
        messageId: 'syntax',
        path: q.path,
        data: { where: q.where, line: r.error.line, column: r.error.column, problem: r.error.message },
      };
    }
  },
});
