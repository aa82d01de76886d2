import { defineRule } from '../../engine/define-rule.js';
import { compareVersions, parseKubeVersion } from '../../core/version.js';
import { flagOf, isFlagsConfig } from '../../model/components/types.js';
import { objectOfComponent, setFlagFix } from './flag-fix.js';

const GUIDE = 10000;

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
  *check(component, { kubeVersion, snapshot }) {
    if (!isFlagsConfig(component)) return;
    const flag = flagOf(component, 'snapshot-count');
    const etcd36 = compareVersions(kubeVersion, parseKubeVersion('1.34')!) >= 0;
    const value = flag ? Number(flag.value) : etcd36 ? 10000 : 100000;
    if (!Number.isFinite(value) || value <= 5 * GUIDE) return;
    const fix = setFlagFix(
      component,
      'snapshot-count',
      String(GUIDE),
      objectOfComponent(component, snapshot.resources),
    );
    yield {
      messageId: 'tooHigh',
      path: flag?.path ?? component.argsPath ?? [],
      data: { value, defaulted: flag ? '' : ' (etcd 3.5 default)', guide: GUIDE },
      ...(fix ? { fix } : {}),
    };
  },
});
