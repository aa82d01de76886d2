import { defineRule } from '../../engine/define-rule.js';
import { hpaTarget, hpaView } from './hpa-view.js';

export default defineRule({
  id: 'hpa-resource-not-requested',
  area: 'autoscaling',
  target: 'object',
  kinds: ['HorizontalPodAutoscaler'],
  defaultSeverity: 'error',
  summary: 'An HPA on CPU or memory utilization scales pods whose containers request that resource.',
  rationale:
    'Utilization is usage divided by the request. When any container of the target pods lacks a request for the resource, the HPA controller cannot compute it ("missing request for cpu"), reports FailedGetResourceMetric and stops scaling, typically discovered during the first load peak. ContainerResource metrics only need the named container\'s request. Set requests (the workloads rules help) or scale on AverageValue.',
  messages: {
    notRequested:
      '{metric} targets {resource} Utilization but container(s) {containers} of {workload} request no {resource}: the HPA cannot compute utilization.',
  },
  *check(resource, { snapshot }) {
    const hpa = hpaView(resource);
    const w = hpaTarget(snapshot, hpa);
    if (!w) return;
    for (const m of hpa.metrics) {
      if ((m.type !== 'Resource' && m.type !== 'ContainerResource') || m.targetType !== 'Utilization') continue;
      if (m.resource !== 'cpu' && m.resource !== 'memory') continue;
      const res = m.resource;
      const containers = w.runningContainers.filter(
        (c) => (m.container === undefined || c.name === m.container) && c[res].effectiveRequest === undefined,
      );
      if (containers.length === 0) continue;
      yield {
        messageId: 'notRequested',
        path: m.path,
        data: {
          metric: m.type,
          resource: res,
          containers: containers.map((c) => c.name).join(', '),
          workload: `${w.kind} ${w.name}`,
        },
      };
    }
  },
});
