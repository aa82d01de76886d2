import { ruleTester } from '../../testing/index.js';
import rule from './session-affinity-ignored.js';

ruleTester.run(rule, {
  fail: { headless: [{ messageId: 'ignored', data: { what: 'headless' }, path: ['spec', 'sessionAffinity'] }] },
});
