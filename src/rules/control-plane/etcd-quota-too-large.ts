import { humanBytes } from '../../core/units.js';
import { defineRule } from '../../engine/define-rule.js';
import { etcdFlags } from '../../model/components/flag-views.js';
import { isFlagsConfig } from '../../model/components/types.js';
import { objectOfComponent, setFlagFix } from './flag-fix.js';

export default defineRule({
  id: 'etcd-quota-too-large',
  area: 'control-plane',
  target: 'component',
  components: ['etcd'],
  defaultSeverity: 'warning',
  priority: 'P0',
  fixable: true,
  summary: 'etcd --quota-backend-bytes stays at or below 8 GiB.',
  rationale:
    'etcd keeps its whole keyspace memory-mapped and recommends a backend quota of at most 8 GiB. Above it, start-up and defragmentation take minutes, snapshots sent to a lagging member time out, and memory pressure on the control-plane node grows with the database. A database that needs more is a sign of unbounded objects (events, CRDs, leases): move Events to their own etcd (--etcd-servers-overrides) instead.',
  messages: { tooLarge: 'etcd: --quota-backend-bytes={value} ({human}) is above the 8 GiB etcd supports well.' },
  *check(component, { snapshot, thresholds }) {
    if (!isFlagsConfig(component)) return;
    const quota = etcdFlags(component).quotaBackendBytes;
    const max = thresholds.etcdQuotaBackendBytesMax;
    const value = quota?.value;
    if (!quota || value === undefined || value <= max) return;
    const flag = quota.flag;
    const fix = setFlagFix(
      component,
      'quota-backend-bytes',
      String(max),
      objectOfComponent(component, snapshot.resources),
    );
    yield {
      messageId: 'tooLarge',
      path: flag.path,
      data: { value: flag.value, human: humanBytes(value) },
      ...(fix ? { fix } : {}),
    };
  },
});
