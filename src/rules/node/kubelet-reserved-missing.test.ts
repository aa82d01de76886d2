import { ruleTester } from '../../testing/index.js';
import rule from './kubelet-reserved-missing.js';

ruleTester.run(rule, {
  fail: { none: [{ messageId: 'missing', data: { resources: '(cpu, memory)' }, path: ['kubeReserved'] }] },
});
