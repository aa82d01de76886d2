import { humanBytes } from '../../core/units.js';
import { defineRule } from '../../engine/define-rule.js';
import { flagOf, isFlagsConfig } from '../../model/components/types.js';
import { objectOfComponent, setFlagFix } from './flag-fix.js';

const MAX = 8 * 1024 ** 3;

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
  *check(component, { snapshot }) {
    if (!isFlagsConfig(component)) return;
    const flag = flagOf(component, 'quota-backend-bytes');
    const value = Number(flag?.value);
    if (!flag || !Number.isFinite(value) || value <= MAX) return;
    const fix = setFlagFix(
      component,
      'quota-backend-bytes',
      String(MAX),
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
