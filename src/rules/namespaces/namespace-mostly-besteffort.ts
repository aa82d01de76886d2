import { toPercent } from '../../core/numbers.js';
import { defineRule } from '../../engine/define-rule.js';
import { namespaceQos } from './namespace-qos.js';

export default defineRule({
  id: 'namespace-mostly-besteffort',
  area: 'namespaces',
  target: 'cluster',
  defaultSeverity: 'warning',
  summary: 'Most long-running pods of a namespace declare requests (are not BestEffort).',
  rationale:
    'BestEffort pods are scheduled as if they used nothing and are the first evicted under pressure. A namespace where most long-running pods are BestEffort overcommits its nodes and loses its services first when memory runs short. Batch pods are not counted.',
  messages: {
    mostlyBestEffort:
      '{bestEffort} of {pods} long-running pods in namespace {namespace} are BestEffort ({pct}%, max {max}%).',
  },
  *check(snapshot, { thresholds }) {
    for (const ns of namespaceQos(snapshot)) {
      const share = ns.pods === 0 ? 0 : ns.byClass.BestEffort / ns.pods;
      if (ns.pods < thresholds.namespaceQosMinPods || share <= thresholds.bestEffortNamespaceShare) continue;
      yield {
        messageId: 'mostlyBestEffort',
        path: [],
        at: ns.at,
        data: {
          bestEffort: ns.byClass.BestEffort,
          pods: ns.pods,
          namespace: ns.namespace,
          pct: toPercent(share),
          max: toPercent(thresholds.bestEffortNamespaceShare),
        },
      };
    }
  },
});
