import { ruleTester } from '../../testing/index.js';
import rule from './hpa-target-missing.js';

ruleTester.run(rule, {
  fail: {
    renamed: [
      {
        messageId: 'missing',
        data: { kind: 'Deployment', name: 'api-server', namespace: 'shop' },
        path: ['spec', 'scaleTargetRef'],
      },
    ],
    daemonset: [{ messageId: 'notScalable', data: { kind: 'DaemonSet', name: 'agent' } }],
  },
});
