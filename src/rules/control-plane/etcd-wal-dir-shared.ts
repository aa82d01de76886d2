import { defineRule } from '../../engine/define-rule.js';
import { etcdFlags } from '../../model/components/flag-views.js';
import { isFlagsConfig } from '../../model/components/types.js';
import { clusterNodes } from './cluster-size.js';

export default defineRule({
  id: 'etcd-wal-dir-shared',
  area: 'control-plane',
  target: 'component',
  components: ['etcd'],
  defaultSeverity: 'info',
  priority: 'P2',
  summary: 'Large clusters keep the etcd WAL on its own disk.',
  rationale:
    'Every etcd write waits for a WAL fsync (p99 should stay under 10 ms). When the WAL shares a disk with the backend database, snapshots and defragmentation compete with those fsyncs. From the large tier (100+ nodes) the guide gives etcd dedicated NVMe; --wal-dir on a separate device keeps WAL latency flat. Reported only when the cluster size is known.',
  messages: { shared: 'etcd: no --wal-dir; the WAL shares {dataDir} with the database on a {nodes}-node cluster.' },
  *check(component, ctx) {
    if (!isFlagsConfig(component)) return;
    const nodes = clusterNodes(ctx);
    const flags = etcdFlags(component);
    if (nodes === undefined || nodes <= ctx.thresholds.etcdWalDirMinNodes || flags.walDir) return;
    yield {
      messageId: 'shared',
      path: component.argsPath ?? [],
      data: { dataDir: flags.dataDir?.value ?? 'the data directory', nodes },
    };
  },
});
