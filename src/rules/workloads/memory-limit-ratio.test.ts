import { ruleTester } from '../../testing/index.js';
import rule from './memory-limit-ratio.js';

ruleTester.run(rule, {
  fail: {
    'below-request': [{ messageId: 'belowRequest', data: { container: 'app', ratio: 0.5 } }],
    'strict-profile': [{ messageId: 'tooHigh', data: { container: 'api', ratio: 2, max: 1.5 } }],
  },
});
