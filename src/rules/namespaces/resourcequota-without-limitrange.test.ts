import { ruleTester } from '../../testing/index.js';
import rule from './resourcequota-without-limitrange.js';

ruleTester.run(rule, {
  fail: {
    'no-limitrange': [
      { messageId: 'noLimitRange', data: { keys: 'requests.cpu, limits.memory', namespace: 'team-a' } },
    ],
    'partial-defaults': [
      {
        messageId: 'noDefault',
        data: { key: 'limits.memory', field: 'default', resource: 'memory' },
        path: ['spec', 'hard', 'limits.memory'],
      },
    ],
  },
});
