import { ruleTester } from '../../testing/index.js';
import rule from './startup-probe-missing.js';

ruleTester.run(rule, {
  fail: { 'slow-jvm': [{ messageId: 'missing', data: { container: 'app', delay: 90, threshold: 30 } }] },
});
