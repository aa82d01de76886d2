import { ruleTester } from '../../testing/index.js';
import rule from './limitrange-ratio.js';

ruleTester.run(rule, {
  fail: {
    wide: [
      { messageId: 'tooHigh', data: { resource: 'cpu', ratio: 20 }, path: ['spec', 'limits', 0, 'default', 'cpu'] },
      {
        messageId: 'tooHigh',
        data: { resource: 'memory', ratio: 8 },
        path: ['spec', 'limits', 0, 'default', 'memory'],
      },
    ],
    narrow: [{ messageId: 'tooLow', data: { resource: 'cpu', ratio: 1.1, min: 1.5 } }],
  },
});
