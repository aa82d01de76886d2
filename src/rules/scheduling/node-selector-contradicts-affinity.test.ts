import { ruleTester } from '../../testing/index.js';
import rule from './node-selector-contradicts-affinity.js';

ruleTester.run(rule, {
  fail: {
    disjoint: [
      {
        messageId: 'contradicts',
        data: { key: 'topology.kubernetes.io/zone', value: 'eu-west-1a' },
        path: ['spec', 'template', 'spec', 'nodeSelector', 'topology.kubernetes.io/zone'],
      },
    ],
  },
});
