import { ruleTester } from '../../testing/index.js';
import rule from './cpu-request-missing.js';

ruleTester.run(rule, {
  fail: {
    'app-and-init': [
      {
        messageId: 'missing',
        data: { container: 'postgres' },
        path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests', 'cpu'],
      },
      {
        messageId: 'missing',
        data: { container: 'init-perms (init)' },
        path: ['spec', 'template', 'spec', 'initContainers', 0, 'resources', 'requests', 'cpu'],
      },
    ],
  },
});
