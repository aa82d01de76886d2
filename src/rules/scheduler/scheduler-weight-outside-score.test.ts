import { ruleTester } from '../../testing/index.js';
import rule from './scheduler-weight-outside-score.js';

ruleTester.run(rule, {
  fail: {
    'filter-weight': [
      {
        messageId: 'ignored',
        data: { weight: 5, plugin: 'NodeAffinity', point: 'filter' },
        path: ['profiles', 0, 'plugins', 'filter', 'enabled', 0, 'weight'],
      },
    ],
  },
});
