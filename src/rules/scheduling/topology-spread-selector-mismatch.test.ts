import { ruleTester } from '../../testing/index.js';
import rule from './topology-spread-selector-mismatch.js';

const tsc = ['spec', 'template', 'spec', 'topologySpreadConstraints'];
ruleTester.run(rule, {
  fail: {
    typo: [
      {
        messageId: 'mismatch',
        data: { index: 0, topologyKey: 'topology.kubernetes.io/zone', labels: 'app=web' },
        path: [...tsc, 0, 'labelSelector'],
      },
      { messageId: 'noSelector', data: { index: 1 }, path: [...tsc, 1] },
      { messageId: 'badSkew', data: { index: 1, maxSkew: 0 }, path: [...tsc, 1, 'maxSkew'] },
    ],
  },
});
