import { PERCENT } from '../../core/numbers.js';
import { defineRule } from '../../engine/define-rule.js';
import { asRecord, namespaceOf } from '../../model/object.js';
import { isEmptySelector, parseSelector } from '../../model/selector.js';

/** An IntOrString budget resolved against a replica count (percentages round up, as the disruption controller does). */
function resolve(v: unknown, replicas: number): number | undefined {
  if (typeof v === 'number') return v;
  const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
  return m ? Math.ceil((Number(m[1]) / PERCENT) * replicas) : undefined;
}

export default defineRule({
  id: 'pdb-blocks-eviction',
  area: 'scheduling',
  target: 'object',
  kinds: ['PodDisruptionBudget'],
  defaultSeverity: 'warning',
  summary: 'PodDisruptionBudgets allow at least one eviction.',
  rationale:
    'A PDB with maxUnavailable: 0, or with minAvailable equal to (or above) the number of replicas, never allows a voluntary eviction: node drains hang until their timeout, cluster upgrades stall and the cluster autoscaler cannot remove the node. Allow at least one pod to go (maxUnavailable: 1 is the usual choice) and scale the workload if one replica less is not acceptable.',
  messages: {
    zeroUnavailable: 'maxUnavailable is {value}: no pod selected by this budget can ever be evicted; drains block.',
    minAvailableAll: 'minAvailable {value} with {replicas} replica(s) selected: no pod can be evicted; drains block.',
    emptySelector: 'the selector is empty: this budget covers every pod in namespace {namespace}.',
  },
  *check(resource, { snapshot }) {
    const spec = asRecord(resource.object['spec']);
    const ns = namespaceOf(resource.object) ?? 'default';
    const selector = parseSelector(spec['selector']);
    if (selector && isEmptySelector(selector))
      yield { messageId: 'emptySelector', path: ['spec', 'selector'], data: { namespace: ns } };
    const replicas = selector ? snapshot.workloadsMatching(ns, selector).reduce((s, w) => s + (w.replicas ?? 0), 0) : 0;
    if (spec['maxUnavailable'] !== undefined && resolve(spec['maxUnavailable'], Math.max(replicas, 1)) === 0) {
      yield {
        messageId: 'zeroUnavailable',
        path: ['spec', 'maxUnavailable'],
        data: { value: String(spec['maxUnavailable']) },
      };
      return;
    }
    if (spec['minAvailable'] === undefined || replicas === 0) return;
    const min = resolve(spec['minAvailable'], replicas);
    if (min !== undefined && min >= replicas)
      yield {
        messageId: 'minAvailableAll',
        path: ['spec', 'minAvailable'],
        data: { value: String(spec['minAvailable']), replicas },
      };
  },
});
