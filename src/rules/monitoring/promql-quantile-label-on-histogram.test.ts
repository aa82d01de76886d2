import { ruleTester } from '../../testing/index.js';
import rule from './promql-quantile-label-on-histogram.js';

ruleTester.run(rule, {
  fail: {
    apiserver: [
      {
        messageId: 'quantileOnHistogram',
        data: { where: 'alert APIServerSlow', metric: 'apiserver_request_duration_seconds' },
        path: ['spec', 'groups', 0, 'rules', 0, 'expr'],
      },
    ],
  },
});
