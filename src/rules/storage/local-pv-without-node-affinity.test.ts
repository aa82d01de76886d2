import { ruleTester } from '../../testing/index.js';
import rule from './local-pv-without-node-affinity.js';

ruleTester.run(rule, {
  fail: {
    local: [{ messageId: 'missing', data: { source: 'local' }, path: ['spec', 'nodeAffinity'] }],
    'host-path': [{ messageId: 'missing', data: { source: 'hostPath' } }],
  },
});
