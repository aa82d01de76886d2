import { ruleTester } from '../../testing/index.js';
import rule from './cpu-limit-missing.js';

ruleTester.run(rule, {
  fail: {
    'no-cpu-limit': [
      { messageId: 'missing', data: { container: 'legacy' }, object: 'ReplicationController/default/legacy' },
    ],
  },
});
