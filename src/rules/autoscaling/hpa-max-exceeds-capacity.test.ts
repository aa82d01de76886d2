import { ruleTester } from '../../testing/index.js';
import rule from './hpa-max-exceeds-capacity.js';

ruleTester.run(rule, {
  fail: {
    'too-big': [
      {
        messageId: 'exceeds',
        data: { max: 40, resource: 'cpu', needed: '20', allocatable: '11760m', nodes: 3 },
        object: 'HorizontalPodAutoscaler/shop/api',
        path: ['spec', 'maxReplicas'],
      },
    ],
    together: [
      {
        messageId: 'together',
        data: { needed: '15', resource: 'cpu', allocatable: '11760m', nodes: 3, share: '10' },
        object: 'HorizontalPodAutoscaler/shop/api',
      },
    ],
  },
});
