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
    'dashboard-file': [
      {
        messageId: 'rateOnGauge',
        data: {
          where: 'dashboard "Controller" panel "Queue depth rate" target B',
          fn: 'irate',
          metric: 'workqueue_depth',
        },
        object: 'GrafanaDashboardFile/fail.dashboard-file.json',
      },
    ],
  },
});
