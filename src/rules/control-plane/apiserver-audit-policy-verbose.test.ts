import { ruleTester } from '../../testing/index.js';
import rule from './apiserver-audit-policy-verbose.js';

ruleTester.run(rule, {
  fail: {
    everything: [
      {
        messageId: 'verboseReads',
        path: ['rules', 1, 'level'],
        data: { index: 1, verbs: 'get/list/watch', level: 'RequestResponse', scope: ' for pods, secrets' },
      },
    ],
  },
});
