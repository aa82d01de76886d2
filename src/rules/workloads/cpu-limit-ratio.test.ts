import { ruleTester } from '../../testing/index.js';
import rule from './cpu-limit-ratio.js';

ruleTester.run(rule, {
  fail: {
    'too-high': [
      {
        messageId: 'tooHigh',
        data: { container: 'api', ratio: 8, max: 2 },
        path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'cpu'],
      },
    ],
    'too-low': [{ messageId: 'tooLow', data: { container: 'app', ratio: 1.1, min: 1.5 } }],
    'below-request': [{ messageId: 'belowRequest', data: { container: 'app', ratio: 0.5 } }],
  },
});
