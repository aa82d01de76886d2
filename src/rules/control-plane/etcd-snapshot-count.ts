import { defineRule } from '../../engine/define-rule.js';
import { etcdDefaultsFor } from '../../knowledge/thresholds/component-defaults.js';
import { etcdFlags } from '../../model/components/flag-views.js';
import { isFlagsConfig } from '../../model/components/types.js';
import { objectOfComponent, setFlagFix } from './flag-fix.js';

export default defineRule({
  id: 'etcd-snapshot-count',
  area: 'control-plane',
  target: 'component',
  components: ['etcd'],
  defaultSeverity: 'warning',
  priority: 'P1',
  fixable: true,
  summary: 'etcd --snapshot-count is about 10000.',
  rationale:
    'etcd keeps the Raft entries since its last snapshot in memory. etcd 3.5 (Kubernetes up to 1.33) defaults to 100000, which costs gigabytes of memory on a busy cluster and slows recovery of a lagging member; etcd 3.6 lowered the default to 10000, the value kubeadm and the guide use.',
  messages: {
    tooHigh: 'etcd: --snapshot-count {value}{defaulted} keeps {value} Raft entries in memory (guide: {guide}).',
  },
  *check(component, { kubeVersion, snapshot, thresholds }) {
    if (!isFlagsConfig(component)) return;
    const set = etcdFlags(component).snapshotCount;
    const defaults = etcdDefaultsFor(kubeVersion);
    const flag = set?.flag;
    const value = set ? set.value : defaults.snapshotCount;
    if (value === undefined || value <= thresholds.etcdSnapshotCountMax) return;
    const guide = thresholds.etcdSnapshotCount;
    const fix = setFlagFix(
      component,
      'snapshot-count',
      String(guide),
      objectOfComponent(component, snapshot.resources),
    );
    yield {
      messageId: 'tooHigh',
      path: flag?.path ?? component.argsPath ?? [],
      data: { value, defaulted: flag ? '' : ` (etcd ${defaults.etcd} default)`, guide },
      ...(fix ? { fix } : {}),
    };
  },
});
