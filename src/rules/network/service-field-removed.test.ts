import { ruleTester } from '../../testing/index.js';
import rule from './service-field-removed.js';

ruleTester.run(rule, {
  fail: {
    'topology-keys': [
      {
        messageId: 'removed',
        data: { field: 'spec.topologyKeys', removedIn: '1.22', version: '1.35' },
        path: ['spec', 'topologyKeys'],
      },
    ],
    'hints-annotation': [
      {
        messageId: 'deprecated',
        data: { field: 'service.kubernetes.io/topology-aware-hints', deprecatedIn: '1.27' },
        path: ['metadata', 'annotations', 'service.kubernetes.io/topology-aware-hints'],
      },
    ],
    'traffic-distribution-early': [
      {
        messageId: 'notYetAvailable',
        data: { field: 'spec.trafficDistribution', availableIn: '1.31', version: '1.29' },
        path: ['spec', 'trafficDistribution'],
      },
    ],
  },
});
