import { ruleTester } from '../../testing/index.js';
import rule from './pdb-blocks-eviction.js';

ruleTester.run(rule, {
  fail: {
    zero: [{ messageId: 'zeroUnavailable', data: { value: '0' }, path: ['spec', 'maxUnavailable'] }],
    'min-all': [{ messageId: 'minAvailableAll', data: { value: '100%', replicas: 3 }, path: ['spec', 'minAvailable'] }],
    'empty-selector': [{ messageId: 'emptySelector', data: { namespace: 'shop' }, path: ['spec', 'selector'] }],
  },
});
