import { defineRule } from '../../engine/define-rule.js';
import { nodeSelector, requiredNodeTerms, type NodeRequirement } from './pod-scheduling.js';

/** Whether a node labelled `key=value` can satisfy `r`. */
function allows(r: NodeRequirement, key: string, value: string): boolean {
  if (r.key !== key) return true;
  switch (r.operator) {
    case 'In':
      return r.values.includes(value);
    case 'NotIn':
      return !r.values.includes(value);
    case 'DoesNotExist':
      return false;
    case 'Gt':
      return Number(value) > Number(r.values[0]);
    case 'Lt':
      return Number(value) < Number(r.values[0]);
    default:
      return true;
  }
}

export default defineRule({
  id: 'node-selector-contradicts-affinity',
  area: 'scheduling',
  target: 'workload',
  defaultSeverity: 'error',
  summary: 'nodeSelector and required nodeAffinity do not exclude each other.',
  rationale:
    'A node must satisfy both the nodeSelector and at least one required nodeAffinity term. When every term rules out a label value the nodeSelector demands (In with other values, NotIn with that value, DoesNotExist), no node can ever match and the pods stay Pending with FailedScheduling. This usually comes from a nodeSelector added by one team and an affinity by another, or from merging Helm values.',
  messages: {
    contradicts:
      'nodeSelector {key}={value} contradicts every required nodeAffinity term: the pods can never be scheduled.',
  },
  *check(workload) {
    const terms = requiredNodeTerms(workload);
    if (terms.length === 0) return;
    for (const [key, value] of Object.entries(nodeSelector(workload))) {
      if (terms.every((t) => t.some((r) => !allows(r, key, value))))
        yield { messageId: 'contradicts', path: [...workload.podSpecPath, 'nodeSelector', key], data: { key, value } };
    }
  },
});
