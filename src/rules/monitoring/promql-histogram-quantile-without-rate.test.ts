import { ruleTester } from '../../testing/index.js';
import rule from './promql-histogram-quantile-without-rate.js';

ruleTester.run(rule, {
  fail: {
    'raw-buckets': [
      {
        messageId: 'noRate',
        data: { where: 'alert EtcdSlowFsync', metric: 'etcd_disk_wal_fsync_duration_seconds_bucket' },
        path: ['spec', 'groups', 0, 'rules', 0, 'expr'],
      },
    ],
    'rule-file': [
      {
        messageId: 'noRate',
        data: { where: 'alert EtcdSlowCommit', metric: 'etcd_disk_backend_commit_duration_seconds_bucket' },
        path: ['groups', 0, 'rules', 0, 'expr'],
        object: 'PrometheusRuleFile/fail.rule-file.yaml',
      },
    ],
  },
});
