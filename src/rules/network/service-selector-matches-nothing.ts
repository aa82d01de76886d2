import { defineRule } from '../../engine/define-rule.js';
import { matchesSelector } from '../../model/selector.js';
import { isCustomResource, serviceView } from './network-helpers.js';

export default defineRule({
  id: 'service-selector-matches-nothing',
  area: 'network',
  target: 'object',
  kinds: ['Service'],
  defaultSeverity: 'warning',
  summary: 'A Service selector matches the pod template of some workload in its namespace.',
  rationale:
    "A Service whose selector matches no pod has no endpoints: clients get connection refused or time out, and nothing in the cluster reports it as an error. It usually comes from a label renamed in the Deployment but not in the Service, or from a typo. Checked when the input holds workloads in the Service's namespace and no custom resources there (otherwise the pods may be defined elsewhere, or created by an operator as Prometheus and Alertmanager pods are).",
  messages: {
    noMatch:
      'selector {selector} matches no pod template among the {count} workload(s) of namespace {namespace}: the Service has no endpoints.',
  },
  *check(resource, { snapshot }) {
    const svc = serviceView(resource);
    if (!svc.selector || svc.type === 'ExternalName') return;
    const workloads = snapshot.workloadsIn(svc.namespace);
    const { selector } = svc;
    if (workloads.length === 0 || workloads.some((w) => matchesSelector(selector, w.podLabels))) return;
    if (snapshot.inNamespace(svc.namespace).some(isCustomResource)) return; // operator-managed pods (Prometheus, Alertmanager…)
    const shown = Object.entries(selector.matchLabels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    yield {
      messageId: 'noMatch',
      path: ['spec', 'selector'],
      data: { selector: shown, count: workloads.length, namespace: svc.namespace },
    };
  },
});
