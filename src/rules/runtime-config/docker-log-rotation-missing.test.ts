import { ruleTester } from '../../testing/index.js';
import rule from './docker-log-rotation-missing.js';

ruleTester.run(rule, {
  fail: { unbounded: [{ messageId: 'unbounded', data: { driver: 'json-file' }, path: ['log-driver'] }] },
});
