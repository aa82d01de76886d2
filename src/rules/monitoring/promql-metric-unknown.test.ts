import { ruleTester } from '../../testing/index.js';
import rule from './promql-metric-unknown.js';

ruleTester.run(rule, {
  fail: {
    renamed: [
      {
        messageId: 'unknown',
        data: { where: 'alert APIServerSlow', metric: 'apiserver_request_latencies_bucket', version: '1.35' },
        path: ['spec', 'groups', 0, 'rules', 0, 'expr'],
        object: 'PrometheusRule/monitoring/apiserver',
      },
      {
        messageId: 'unknown',
        data: { where: 'alert SchedulerVolumeSlow', metric: 'scheduler_volume_scheduling_duration_seconds_bucket' },
        path: ['spec', 'groups', 0, 'rules', 1, 'expr'],
      },
    ],
  },
});
