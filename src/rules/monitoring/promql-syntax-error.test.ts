import { ruleTester } from '../../testing/index.js';
import rule from './promql-syntax-error.js';

ruleTester.run(rule, {
  fail: {
    unbalanced: [
      {
        messageId: 'syntax',
        data: { where: 'alert APIServerSlow', line: 1, column: 95, problem: 'unexpected end of expression' },
        path: ['spec', 'groups', 0, 'rules', 0, 'expr'],
      },
    ],
    dashboard: [
      {
        messageId: 'syntax',
        data: {
          where: 'dashboard "API" panel "Requests" target A',
          line: 1,
          column: 42,
          problem: 'unexpected end of expression',
        },
        path: ['data', 'api.json'],
      },
    ],
  },
});
