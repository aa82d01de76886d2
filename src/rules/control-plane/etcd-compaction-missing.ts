import { defineRule } from '../../engine/define-rule.js';
import { apiServerFlags, etcdFlags } from '../../model/components/flag-views.js';
import { isFlagsConfig } from '../../model/components/types.js';

export default defineRule({
  id: 'etcd-compaction-missing',
  area: 'control-plane',
  target: 'component',
  components: ['etcd'],
  defaultSeverity: 'warning',
  priority: 'P1',
  summary: 'etcd history is compacted, by etcd itself or by kube-apiserver.',
  rationale:
    'Every write keeps a revision until compaction: without it the database grows until it hits the quota and etcd turns read-only (mvcc: database space exceeded), which stops the cluster. kube-apiserver compacts every 5 minutes by default (--etcd-compaction-interval); an etcd with no --auto-compaction-retention whose API servers disabled that, or that is shared with other clients, must compact itself.',
  messages: {
    none: 'etcd: no --auto-compaction-retention and no kube-apiserver in the audited configs that compacts it.',
    disabled: 'etcd: no --auto-compaction-retention, and kube-apiserver runs with --etcd-compaction-interval=0.',
  },
  *check(component, { snapshot }) {
    if (!isFlagsConfig(component)) return;
    const retention = etcdFlags(component).autoCompactionRetention?.value;
    if (retention !== undefined && retention !== '0' && retention !== '') return;
    const apiservers = snapshot.components.filter(isFlagsConfig).filter((c) => c.component === 'kube-apiserver');
    const compacting = apiservers.some((a) => {
      const interval = apiServerFlags(a).etcdCompactionIntervalMs;
      return interval === undefined || interval.value !== 0;
    });
    if (compacting) return;
    yield { messageId: apiservers.length ? 'disabled' : 'none', path: component.argsPath ?? [] };
  },
});
