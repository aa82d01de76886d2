import { defineRule } from '../../engine/define-rule.js';
import { asString } from '../../model/object.js';

/** Classes every cluster has (created by the API server). */
const BUILT_IN = new Set(['system-cluster-critical', 'system-node-critical']);

export default defineRule({
  id: 'priorityclass-missing',
  area: 'scheduling',
  target: 'workload',
  defaultSeverity: 'error',
  summary: 'priorityClassName names a PriorityClass that exists.',
  rationale:
    'The Priority admission plugin rejects pods whose priorityClassName does not exist: the Deployment is accepted but its ReplicaSet cannot create a single pod ("no PriorityClass with name … was found"). Checked against the PriorityClasses in the input (a live audit has them all); when the input defines none the rule stays silent, because the class may live elsewhere.',
  messages: {
    missing: 'priorityClassName {name} does not exist (known: {known}); pods are rejected at admission.',
  },
  *check(workload, { snapshot }) {
    const name = asString(workload.podSpec['priorityClassName']);
    const classes = snapshot.byKind('PriorityClass').map((r) => r.ref.name);
    if (name === undefined || BUILT_IN.has(name) || classes.length === 0 || classes.includes(name)) return;
    yield {
      messageId: 'missing',
      path: [...workload.podSpecPath, 'priorityClassName'],
      data: { name, known: classes.sort().join(', ') },
    };
  },
});
