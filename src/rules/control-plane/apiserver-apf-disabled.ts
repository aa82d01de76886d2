import { defineRule } from '../../engine/define-rule.js';
import { apiServerFlags } from '../../model/components/flag-views.js';
import { isFlagsConfig } from '../../model/components/types.js';
import { objectOfComponent, setFlagFix } from './flag-fix.js';

export default defineRule({
  id: 'apiserver-apf-disabled',
  area: 'control-plane',
  target: 'component',
  components: ['kube-apiserver'],
  defaultSeverity: 'warning',
  priority: 'P0',
  fixable: true,
  summary: 'API Priority and Fairness stays enabled.',
  rationale:
    'With --enable-priority-and-fairness=false the API server falls back to the two global max-inflight buckets: one noisy client (a controller in a hot loop, a LIST storm) starves leader election, node heartbeats and every other client, and the server answers 429 to all. APF isolates flows per priority level and queues fairly. It is GA since 1.29 and on by default; disabling it is a relic of early guides.',
  messages: { disabled: 'kube-apiserver: --enable-priority-and-fairness=false puts every client in one queue.' },
  *check(component, { snapshot }) {
    if (!isFlagsConfig(component)) return;
    const apf = apiServerFlags(component).enablePriorityAndFairness;
    if (apf?.value !== false) return;
    const flag = apf.flag;
    const fix = setFlagFix(
      component,
      'enable-priority-and-fairness',
      'true',
      objectOfComponent(component, snapshot.resources),
    );
    yield { messageId: 'disabled', path: flag.path, ...(fix ? { fix } : {}) };
  },
});
