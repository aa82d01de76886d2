import { ruleTester } from '../../testing/index.js';
import rule from './apiserver-watch-cache-disabled.js';

ruleTester.run(rule, {
  fail: {
    off: [{ messageId: 'disabled', path: ['apiServer', 'extraArgs', 'watch-cache'] }],
    'zero-size': [
      { messageId: 'zeroSize', data: { resources: 'pods' }, path: ['apiServer', 'extraArgs', 'watch-cache-sizes'] },
    ],
  },
});
