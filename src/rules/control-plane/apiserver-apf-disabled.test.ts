import { ruleTester } from '../../testing/index.js';
import rule from './apiserver-apf-disabled.js';

ruleTester.run(rule, {
  fail: { 'apf-off': [{ messageId: 'disabled', path: ['spec', 'containers', 0, 'command', 1] }] },
});
