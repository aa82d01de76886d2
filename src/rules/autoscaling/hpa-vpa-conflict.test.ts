import { ruleTester } from '../../testing/index.js';
import rule from './hpa-vpa-conflict.js';

ruleTester.run(rule, {
  fail: {
    'both-cpu': [
      {
        messageId: 'conflict',
        data: { vpa: 'api', mode: 'Auto', resources: 'cpu', kind: 'Deployment', name: 'api' },
        path: ['spec', 'metrics'],
      },
    ],
  },
});
