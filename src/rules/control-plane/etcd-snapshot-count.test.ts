import { ruleTester } from '../../testing/index.js';
import rule from './etcd-snapshot-count.js';

ruleTester.run(rule, {
  fail: {
    'etcd35-default': [
      { messageId: 'tooHigh', data: { value: 100000, defaulted: ' (etcd 3.5 default)', guide: 10000 } },
    ],
  },
});
