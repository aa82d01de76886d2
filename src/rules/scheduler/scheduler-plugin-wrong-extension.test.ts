import { ruleTester } from '../../testing/index.js';
import rule from './scheduler-plugin-wrong-extension.js';

ruleTester.run(rule, {
  fail: {
    'score-at-filter': [
      { messageId: 'wrongPoint', data: { plugin: 'ImageLocality', point: 'filter', points: 'score' } },
      { messageId: 'wrongPoint', data: { plugin: 'NodeName', point: 'score', points: 'filter' } },
    ],
  },
});
