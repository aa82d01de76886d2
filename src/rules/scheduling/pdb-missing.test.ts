import { ruleTester } from '../../testing/index.js';
import rule from './pdb-missing.js';

ruleTester.run(rule, {
  fail: {
    none: [
      {
        messageId: 'missing',
        data: { kind: 'Deployment', name: 'checkout', replicas: 3, namespace: 'shop' },
        object: 'Deployment/shop/checkout',
      },
    ],
  },
});
