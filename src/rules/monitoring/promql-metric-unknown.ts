import { defineRule } from '../../engine/define-rule.js';
import { captureVersionFor, isJudgedMetric, lookupMetric } from '../../knowledge/metrics-catalogue.js';
import { selectorsOf } from '../../model/promql.js';
import { excerpt, monitoringSources, parsedQueries } from './queries.js';

export default defineRule({
  id: 'promql-metric-unknown',
  area: 'monitoring',
  target: 'cluster',
  defaultSeverity: 'warning',
  kubernetes: '>=1.33',
  summary: 'Queries use metric names the Kubernetes components of the target version expose.',
  rationale:
    'Kubernetes renames and removes metrics (apiserver_request_latencies became apiserver_request_duration_seconds, etcd_helper_* and many *_latency_microseconds are gone). A query on a name that no longer exists returns nothing, so its alert can never fire and its panel shows "no data" without any error. Names are checked against real /metrics captures of kube-apiserver, controller-manager, scheduler, etcd, kube-state-metrics and cAdvisor for the target version (captures exist for 1.33 and 1.35, hence the version bound); only prefixes those components own are judged (apiserver_, etcd_, scheduler_, kube_, container_, machine_, workqueue_, rest_client_), recording-rule outputs defined in the input are skipped. kube_<resource>_* names are judged only for the resources the kube-state-metrics capture exposes, and its own kube_state_metrics_* telemetry is skipped.',
  messages: {
    unknown:
      '{where}: {metric} is not exposed by the Kubernetes components of {version} (real captures): the query returns nothing. In: {query}',
  },
  *check(snapshot, { kubeVersion }) {
    const version = captureVersionFor(kubeVersion);
    if (!version) return;
    const sources = monitoringSources(snapshot);
    const recorded = new Set(
      sources.flatMap((s) =>
        s.queries.flatMap((q) => (typeof q.rule?.['record'] === 'string' ? [q.rule['record']] : [])),
      ),
    );
    for (const src of sources) {
      for (const { query, expr } of parsedQueries(src.queries)) {
        const reported = new Set<string>();
        for (const { selector } of selectorsOf(expr)) {
          const name = selector.name;
          if (
            !name ||
            reported.has(name) ||
            recorded.has(name) ||
            !isJudgedMetric(name, version) ||
            lookupMetric(name, version)
          )
            continue;
          reported.add(name);
          yield {
            messageId: 'unknown',
            path: query.path,
            at: src.at,
            data: { where: query.where, metric: name, version, query: excerpt(query.expr) },
          };
        }
      }
    }
  },
});
