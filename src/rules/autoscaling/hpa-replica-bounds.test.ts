import { ruleTester } from '../../testing/index.js';
import rule from './hpa-replica-bounds.js';

ruleTester.run(rule, {
  fail: {
    inverted: [{ messageId: 'minAboveMax', data: { min: 10, max: 3 }, path: ['spec', 'minReplicas'] }],
    pinned: [{ messageId: 'noRange', data: { min: 4, max: 4 }, path: ['spec', 'maxReplicas'] }],
  },
});
