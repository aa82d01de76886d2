import { ruleTester } from '../../testing/index.js';
import rule from './required-affinity-overuse.js';

ruleTester.run(rule, {
  fail: {
    pinned: [
      {
        messageId: 'tooMany',
        data: { count: 4, kinds: '2 nodeSelector, 1 node affinity, 1 pod anti-affinity', max: 3 },
        path: ['spec', 'template', 'spec', 'affinity'],
      },
    ],
  },
});
