import { ruleTester } from '../../testing/index.js';
import rule from './alert-without-for.js';

ruleTester.run(rule, {
  fail: {
    instant: [
      { messageId: 'noFor', data: { where: 'alert APIServerErrors' }, path: ['spec', 'groups', 0, 'rules', 0, 'for'] },
    ],
  },
});
