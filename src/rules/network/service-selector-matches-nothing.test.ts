import { ruleTester } from '../../testing/index.js';
import rule from './service-selector-matches-nothing.js';

ruleTester.run(rule, {
  fail: {
    'renamed-label': [
      {
        messageId: 'noMatch',
        data: { selector: 'app=cart-service', count: 1, namespace: 'shop' },
        path: ['spec', 'selector'],
      },
    ],
  },
});
