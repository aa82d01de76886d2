import { ruleTester } from '../../testing/index.js';
import rule from './dns-ndots-external.js';

ruleTester.run(rule, {
  fail: {
    external: [
      {
        messageId: 'external',
        data: { hosts: 'api.stripe.com, smtp.sendgrid.net', ndots: 5 },
        path: ['spec', 'template', 'spec', 'dnsConfig'],
      },
    ],
  },
});
