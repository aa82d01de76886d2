import { ruleTester } from '../../testing/index.js';
import rule from './etcd-compaction-missing.js';

ruleTester.run(rule, {
  fail: {
    standalone: [{ messageId: 'none' }],
    'apiserver-off': [{ messageId: 'disabled', path: ['etcd', 'local', 'extraArgs'] }],
  },
});
