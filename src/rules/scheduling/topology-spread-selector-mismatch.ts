import { defineRule } from '../../engine/define-rule.js';
import { selectsOwnPods, spreadConstraints } from './pod-scheduling.js';

export default defineRule({
  id: 'topology-spread-selector-mismatch',
  area: 'scheduling',
  target: 'workload',
  defaultSeverity: 'warning',
  summary: 'topologySpreadConstraints select the pods they are meant to spread.',
  rationale:
    "The scheduler computes skew over the pods matched by the constraint's labelSelector. Without a labelSelector it counts no pods at all and the constraint does nothing; with a selector that does not match the pod's own labels (a typo, a label renamed in the template) it spreads the new pods relative to some other workload. A DoNotSchedule constraint that counts the wrong pods can also block scheduling. maxSkew must be at least 1.",
  messages: {
    noSelector:
      'topologySpreadConstraints[{index}] on {topologyKey} has no labelSelector: it counts no pods and spreads nothing.',
    mismatch:
      "topologySpreadConstraints[{index}] on {topologyKey} selects pods other than this workload's own ({labels}).",
    badSkew: 'topologySpreadConstraints[{index}] has maxSkew {maxSkew}; it must be at least 1.',
  },
  *check(workload) {
    const labels =
      Object.entries(workload.podLabels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',') || 'none';
    for (const [index, c] of spreadConstraints(workload).entries()) {
      const data = { index, topologyKey: c.topologyKey };
      if (c.maxSkew < 1)
        yield { messageId: 'badSkew', path: [...c.path, 'maxSkew'], data: { index, maxSkew: c.maxSkew } };
      if (!c.selector) yield { messageId: 'noSelector', path: c.path, data };
      else if (!selectsOwnPods(workload, c.selector))
        yield { messageId: 'mismatch', path: [...c.path, 'labelSelector'], data: { ...data, labels } };
    }
  },
});
