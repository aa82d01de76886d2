import { ruleTester } from '../../testing/index.js';
import rule from './gogc-extreme.js';

ruleTester.run(rule, {
  fail: {
    off: [
      {
        messageId: 'offWithoutLimit',
        data: { container: 'cache' },
        path: ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'],
      },
    ],
    'too-low': [{ messageId: 'tooLow', data: { value: 10, min: 25 } }],
    'too-high': [{ messageId: 'tooHighWithoutLimit', data: { value: 800, factor: 9 } }],
  },
});
