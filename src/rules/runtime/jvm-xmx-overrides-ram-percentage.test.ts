import { ruleTester } from '../../testing/index.js';
import rule from './jvm-xmx-overrides-ram-percentage.js';

ruleTester.run(rule, {
  fail: {
    both: [
      {
        messageId: 'both',
        data: { container: 'billing', xmx: '-Xmx1536m', percentage: '-XX:MaxRAMPercentage=75.0' },
        path: ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'],
      },
    ],
  },
});
