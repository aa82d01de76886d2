import { ruleTester } from '../../testing/index.js';
import rule from './kubelet-serialize-image-pulls.js';

ruleTester.run(rule, {
  fail: {
    serial: [{ messageId: 'serial', data: { value: 'true' } }],
    'default-126': [{ messageId: 'serial', data: { value: 'unset (default true)' } }],
  },
});
