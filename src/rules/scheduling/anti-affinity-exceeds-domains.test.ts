import { ruleTester } from '../../testing/index.js';
import rule from './anti-affinity-exceeds-domains.js';

ruleTester.run(rule, {
  fail: {
    zones: [
      {
        messageId: 'tooFewDomains',
        data: { replicas: 3, topologyKey: 'topology.kubernetes.io/zone', domains: 2, nodes: 3, pending: 1 },
        path: [
          'spec',
          'template',
          'spec',
          'affinity',
          'podAntiAffinity',
          'requiredDuringSchedulingIgnoredDuringExecution',
          0,
        ],
      },
    ],
  },
});
