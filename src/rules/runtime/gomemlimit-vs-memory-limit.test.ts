import { ruleTester } from '../../testing/index.js';
import rule from './gomemlimit-vs-memory-limit.js';

ruleTester.run(rule, {
  fail: {
    missing: [
      {
        messageId: 'missing',
        data: { limit: '1GiB', recommended: '921MiB' },
        path: ['spec', 'template', 'spec', 'containers', 0, 'env'],
      },
    ],
    'above-limit': [
      {
        messageId: 'exceedsLimit',
        data: { value: '2GiB', share: 200, limit: '1GiB' },
        path: ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'],
      },
    ],
    'too-close': [{ messageId: 'tooHigh', data: { value: '1000MiB', share: 98, max: 95 } }],
  },
});
