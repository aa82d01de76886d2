import { ruleTester } from '../../testing/index.js';
import rule from './component-flag-wrong-component.js';

ruleTester.run(rule, {
  fail: {
    'swap-on-apiserver': [
      { messageId: 'wrongComponent', data: { component: 'kube-apiserver', flag: 'fail-swap-on', owners: 'kubelet' } },
      { messageId: 'wrongComponent', data: { component: 'kube-apiserver', flag: 'max-pods', owners: 'kubelet' } },
    ],
  },
});
