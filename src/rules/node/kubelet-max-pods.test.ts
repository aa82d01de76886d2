import { ruleTester } from '../../testing/index.js';
import rule from './kubelet-max-pods.js';

ruleTester.run(rule, {
  fail: {
    'beyond-cidr': [{ messageId: 'beyondCidr', data: { maxPods: 300, capacity: 254, mask: 24 }, path: ['maxPods'] }],
    'beyond-tested': [{ messageId: 'beyondTested', data: { maxPods: 200, tested: 110 } }],
  },
});
