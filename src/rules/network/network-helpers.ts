import { asRecord, asString, namespaceOf, type Resource } from '../../model/object.js';
import { parseSelector, type LabelSelector } from '../../model/selector.js';

const BUILT_IN_GROUPS = new Set(['', 'v1', 'apps', 'batch', 'policy', 'autoscaling', 'extensions']);

/** Whether an object is a custom resource (its group is not a Kubernetes one): an operator may create pods for it. */
export const isCustomResource = (r: Resource): boolean => {
  const group = r.object.apiVersion.includes('/') ? r.object.apiVersion.split('/')[0]! : '';
  return !BUILT_IN_GROUPS.has(group) && !group.endsWith('.k8s.io');
};

export interface ServiceView {
  readonly type: string;
  readonly headless: boolean;
  readonly selector?: LabelSelector;
  readonly namespace: string;
  readonly spec: Readonly<Record<string, unknown>>;
}

export function serviceView(r: Resource): ServiceView {
  const spec = asRecord(r.object['spec']);
  const raw = spec['selector'];
  // Templates ({{cell}}) and other non-string values are not selectors the API server would accept.
  const valid = raw !== null && typeof raw === 'object' && Object.values(raw).every((v) => typeof v === 'string');
  const selector = valid ? parseSelector(raw) : undefined;
  return {
    type: asString(spec['type']) ?? 'ClusterIP',
    headless: spec['clusterIP'] === 'None',
    ...(selector && Object.keys(selector.matchLabels ?? {}).length > 0 ? { selector } : {}),
    namespace: namespaceOf(r.object) ?? 'default',
    spec,
  };
}
