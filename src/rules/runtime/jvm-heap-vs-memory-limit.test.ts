import { ruleTester } from '../../testing/index.js';
import rule from './jvm-heap-vs-memory-limit.js';

ruleTester.run(rule, {
  fail: {
    'xmx-above-limit': [
      {
        messageId: 'exceedsLimit',
        data: { container: 'orders', heap: '3GiB', share: 150, limit: '2GiB' },
        path: ['spec', 'template', 'spec', 'containers', 0, 'command', 1],
      },
    ],
    'percentage-too-high': [
      {
        messageId: 'tooHigh',
        data: { setting: '-XX:MaxRAMPercentage=95.0', share: 95, max: 85 },
        path: ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'],
      },
    ],
    'default-heap': [
      {
        messageId: 'defaultHeap',
        data: { limit: '2GiB', heap: '512MiB' },
        path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'memory'],
      },
    ],
    'xmx-too-low': [{ messageId: 'tooLow', data: { heap: '512MiB', share: 25, min: 50 } }],
    'xms-above-xmx': [{ messageId: 'initialAboveMax', data: { initial: '2GiB', setting: '-Xms2g', heap: '1.5GiB' } }],
  },
});
