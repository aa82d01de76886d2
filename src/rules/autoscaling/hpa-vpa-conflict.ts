import { defineRule } from '../../engine/define-rule.js';
import { asArray, asRecord, asString, namespaceOf } from '../../model/object.js';
import { hpaView } from './hpa-view.js';

export default defineRule({
  id: 'hpa-vpa-conflict',
  area: 'autoscaling',
  target: 'object',
  kinds: ['HorizontalPodAutoscaler'],
  defaultSeverity: 'error',
  summary: 'HPA and VPA do not both act on the CPU or memory of the same workload.',
  rationale:
    "A VPA that updates requests changes the denominator of the HPA's utilization: the VPA raises the CPU request, utilization drops, the HPA scales in, load per pod rises, the VPA raises again. The two controllers fight and replica counts and requests oscillate. Either run the VPA with updateMode: Off (recommendations only), restrict its controlledResources to the resource the HPA does not use, or scale the HPA on a custom/external metric.",
  messages: {
    conflict:
      'VerticalPodAutoscaler {vpa} ({mode}) also controls {resources} of {kind}/{name}, which this HPA scales on: the controllers fight.',
  },
  *check(resource, { snapshot }) {
    const hpa = hpaView(resource);
    const scaledOn = new Set(
      hpa.metrics
        .filter((m) => m.type === 'Resource' || m.type === 'ContainerResource')
        .flatMap((m) => (m.resource ? [m.resource] : [])),
    );
    if (scaledOn.size === 0) return;
    for (const vpa of snapshot.byKind('VerticalPodAutoscaler')) {
      if ((namespaceOf(vpa.object) ?? 'default') !== hpa.namespace) continue;
      const spec = asRecord(vpa.object['spec']);
      const ref = asRecord(spec['targetRef']);
      if (asString(ref['kind']) !== hpa.target.kind || asString(ref['name']) !== hpa.target.name) continue;
      const mode = asString(asRecord(spec['updatePolicy'])['updateMode']) ?? 'Auto';
      if (mode === 'Off') continue;
      const controlled = new Set<string>();
      const policies = asArray(asRecord(spec['resourcePolicy'])['containerPolicies']).map(asRecord);
      const active = policies.filter((p) => p['mode'] !== 'Off');
      if (policies.length === 0) ['cpu', 'memory'].forEach((r) => controlled.add(r));
      for (const p of active) {
        const list = asArray(p['controlledResources']).map(String);
        (list.length ? list : ['cpu', 'memory']).forEach((r) => controlled.add(r));
      }
      const both = [...scaledOn].filter((r) => controlled.has(r));
      if (both.length === 0) continue;
      yield {
        messageId: 'conflict',
        path: ['spec', 'metrics'],
        data: { vpa: vpa.ref.name, mode, resources: both.join(' and '), kind: hpa.target.kind, name: hpa.target.name },
      };
    }
  },
});
