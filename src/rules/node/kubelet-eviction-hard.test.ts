import { ruleTester } from '../../testing/index.js';
import rule from './kubelet-eviction-hard.js';

ruleTester.run(rule, {
  fail: {
    minikube: [
      { messageId: 'noMemory', path: ['evictionHard'] },
      { messageId: 'disabled', data: { signal: 'nodefs.available', value: '0%' } },
      { messageId: 'disabled', data: { signal: 'imagefs.available', value: '0%' } },
    ],
  },
});
