import { ruleTester } from '../../testing/index.js';
import rule from './external-traffic-policy.js';

ruleTester.run(rule, {
  fail: {
    cluster: [{ messageId: 'clusterHop', data: { policy: 'Cluster' }, path: ['spec', 'externalTrafficPolicy'] }],
    'local-single': [
      {
        messageId: 'localFewReplicas',
        data: { workload: 'Deployment ingress', replicas: 1 },
        object: 'Service/shop/ingress',
      },
    ],
  },
});
