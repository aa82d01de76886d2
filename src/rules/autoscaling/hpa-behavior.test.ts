import { ruleTester } from '../../testing/index.js';
import rule from './hpa-behavior.js';

ruleTester.run(rule, {
  fail: {
    implicit: [{ messageId: 'noBehavior', path: ['spec'] }],
    v1: [{ messageId: 'v1', path: ['apiVersion'] }],
    flapping: [
      {
        messageId: 'shortScaleDown',
        data: { window: 15, min: 60 },
        path: ['spec', 'behavior', 'scaleDown', 'stabilizationWindowSeconds'],
      },
    ],
  },
});
