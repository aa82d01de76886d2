import { ruleTester } from '../../testing/index.js';
import rule from './priorityclass-missing.js';

ruleTester.run(rule, {
  fail: {
    typo: [
      {
        messageId: 'missing',
        data: { name: 'buisness-critical', known: 'business-critical' },
        path: ['spec', 'template', 'spec', 'priorityClassName'],
      },
    ],
  },
});
