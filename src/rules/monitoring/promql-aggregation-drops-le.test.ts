import { ruleTester } from '../../testing/index.js';
import rule from './promql-aggregation-drops-le.js';

ruleTester.run(rule, {
  fail: {
    'by-job': [
      {
        messageId: 'dropsLe',
        data: { where: 'alert APIServerSlow', aggregation: 'sum by (job)' },
        path: ['spec', 'groups', 0, 'rules', 0, 'expr'],
      },
    ],
    'without-le': [{ messageId: 'dropsLe', data: { aggregation: 'sum without (le)' }, path: ['data', 'api.json'] }],
  },
});
