import { ruleTester } from '../../testing/index.js';
import rule from './kubelet-image-gc-thresholds.js';

ruleTester.run(rule, {
  fail: {
    disabled: [{ messageId: 'disabled', data: { high: 100 }, path: ['imageGCHighThresholdPercent'] }],
    inverted: [{ messageId: 'inverted', data: { low: 75, high: 70 } }],
  },
});
