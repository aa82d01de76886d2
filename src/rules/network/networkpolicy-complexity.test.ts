import { ruleTester } from '../../testing/index.js';
import rule from './networkpolicy-complexity.js';

ruleTester.run(rule, {
  fail: {
    many: [
      { messageId: 'tooMany', data: { namespace: 'shop', count: 3, max: 2 }, object: 'NetworkPolicy/shop/allow-0' },
    ],
    big: [
      {
        messageId: 'tooComplex',
        data: { name: 'allow-partners', entries: 60, max: 50 },
        object: 'NetworkPolicy/shop/allow-partners',
      },
    ],
  },
});
