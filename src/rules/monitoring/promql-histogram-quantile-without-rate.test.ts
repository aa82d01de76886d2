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
  },
});
