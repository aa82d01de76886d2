import { ruleTester } from '../../testing/index.js';
import rule from './liveness-probe-missing.js';

ruleTester.run(rule, {
  fail: {
    pod: [{ messageId: 'missing', data: { container: 'app' }, path: ['spec', 'containers', 0, 'livenessProbe'] }],
  },
});
