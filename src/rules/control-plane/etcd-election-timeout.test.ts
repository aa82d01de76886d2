import { ruleTester } from '../../testing/index.js';
import rule from './etcd-election-timeout.js';

ruleTester.run(rule, {
  fail: {
    'five-x': [
      {
        messageId: 'tooShort',
        data: { election: 1250, heartbeat: 250, ratio: 5 },
        path: ['spec', 'containers', 0, 'command', 3],
      },
    ],
  },
});
