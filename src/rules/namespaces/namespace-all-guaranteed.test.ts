import { ruleTester } from '../../testing/index.js';
import rule from './namespace-all-guaranteed.js';

ruleTester.run(rule, {
  fail: {
    payments: [{ messageId: 'allGuaranteed', data: { pods: 5, namespace: 'payments' }, object: 'Namespace/payments' }],
  },
});
