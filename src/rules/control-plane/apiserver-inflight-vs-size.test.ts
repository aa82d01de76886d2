import { ruleTester } from '../../testing/index.js';
import rule from './apiserver-inflight-vs-size.js';

ruleTester.run(rule, {
  fail: {
    large: [
      {
        messageId: 'tooLow',
        data: { flag: 'max-mutating-requests-inflight', value: 200, recommended: 600, nodes: 300, tier: 'large' },
      },
      {
        messageId: 'tooLow',
        data: { flag: 'max-requests-inflight', value: 400, recommended: 1200 },
        path: ['apiServer', 'extraArgs', 0],
      },
    ],
  },
});
