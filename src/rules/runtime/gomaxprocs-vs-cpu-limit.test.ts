import { ruleTester } from '../../testing/index.js';
import rule from './gomaxprocs-vs-cpu-limit.js';

ruleTester.run(rule, {
  fail: {
    'node-sized': [
      {
        messageId: 'aboveLimit',
        data: { container: 'gateway', value: 32, limit: '2', cores: 2 },
        path: ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'],
      },
    ],
  },
});
