import { ruleTester } from '../../testing/index.js';
import rule from './host-network.js';

ruleTester.run(rule, {
  fail: {
    agent: [
      {
        messageId: 'dnsPolicy',
        data: { policy: 'ClusterFirst (default)' },
        path: ['spec', 'template', 'spec', 'dnsPolicy'],
      },
    ],
    app: [{ messageId: 'hostNetwork', path: ['spec', 'template', 'spec', 'hostNetwork'] }],
  },
});
