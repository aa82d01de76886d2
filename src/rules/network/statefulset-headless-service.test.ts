import { ruleTester } from '../../testing/index.js';
import rule from './statefulset-headless-service.js';

ruleTester.run(rule, {
  fail: {
    'cluster-ip': [
      { messageId: 'notHeadless', data: { service: 'db', type: 'ClusterIP' }, path: ['spec', 'serviceName'] },
    ],
    missing: [{ messageId: 'missing', data: { service: 'db', namespace: 'shop' }, path: ['spec', 'serviceName'] }],
  },
});
