import { ruleTester } from '../../testing/index.js';
import rule from './memory-limit-missing.js';

ruleTester.run(rule, {
  fail: {
    sidecar: [
      {
        messageId: 'missing',
        data: { container: 'proxy (sidecar)' },
        path: ['spec', 'template', 'spec', 'initContainers', 0, 'resources', 'limits', 'memory'],
      },
    ],
  },
});
