import { asRecord, asString, namespaceOf, type Resource } from '../../model/object.js';
import { parseSelector, type LabelSelector } from '../../model/selector.js';

export interface ServiceView {
  readonly type: string;
  readonly headless: boolean;
  readonly selector?: LabelSelector;
  readonly namespace: string;
  readonly spec: Readonly<Record<string, unknown>>;
}

export function serviceView(r: Resource): ServiceView {
  const spec = asRecord(r.object['spec']);
  const selector = parseSelector(spec['selector']);
  return {
    type: asString(spec['type']) ?? 'ClusterIP',
    headless: spec['clusterIP'] === 'None',
    ...(selector && Object.keys(selector.matchLabels ?? {}).length > 0 ? { selector } : {}),
    namespace: namespaceOf(r.object) ?? 'default',
    spec,
  };
}
