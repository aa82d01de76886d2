import { ruleTester } from '../../testing/index.js';
import rule from './hpa-resource-not-requested.js';

ruleTester.run(rule, {
  fail: {
    'no-cpu-request': [
      {
        messageId: 'notRequested',
        data: { metric: 'Resource', resource: 'cpu', containers: 'app', workload: 'Deployment api' },
        path: ['spec', 'metrics', 0],
      },
    ],
  },
});
