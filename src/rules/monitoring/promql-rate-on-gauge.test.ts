import { ruleTester } from '../../testing/index.js';
import rule from './promql-rate-on-gauge.js';

ruleTester.run(rule, {
  fail: {
    workqueue: [
      {
        messageId: 'rateOnGauge',
        data: {
          where: 'dashboard "controller" panel "Work Queue Depth" target A',
          fn: 'rate',
          metric: 'workqueue_depth',
        },
        path: ['data', 'api.json'],
      },
    ],
  },
});
