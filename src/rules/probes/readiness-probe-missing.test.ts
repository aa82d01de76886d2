import { ruleTester } from '../../testing/index.js';
import rule from './readiness-probe-missing.js';

ruleTester.run(rule, {
  fail: {
    statefulset: [
      {
        messageId: 'missing',
        data: { container: 'redis' },
        path: ['spec', 'template', 'spec', 'containers', 0, 'readinessProbe'],
      },
    ],
  },
});
