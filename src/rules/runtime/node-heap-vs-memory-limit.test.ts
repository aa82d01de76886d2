import { ruleTester } from '../../testing/index.js';
import rule from './node-heap-vs-memory-limit.js';

ruleTester.run(rule, {
  fail: {
    'above-limit': [
      {
        messageId: 'exceedsLimit',
        data: { setting: '--max-old-space-size=4096 (4GiB)', share: 400, limit: '1GiB' },
        path: ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'],
      },
    ],
    command: [
      {
        messageId: 'tooHigh',
        data: { share: 98, max: 85 },
        path: ['spec', 'template', 'spec', 'containers', 0, 'command', 1],
      },
    ],
  },
});
