import { ruleTester } from '../../testing/index.js';
import rule from './component-flag-deprecated.js';

ruleTester.run(rule, {
  fail: {
    'etcd-36': [
      {
        messageId: 'deprecated',
        data: { flag: 'experimental-initial-corrupt-check', replacement: '--feature-gates=InitialCorruptCheck=true' },
      },
      {
        messageId: 'deprecated',
        data: { flag: 'experimental-watch-progress-notify-interval', replacement: '--watch-progress-notify-interval' },
      },
    ],
  },
});
