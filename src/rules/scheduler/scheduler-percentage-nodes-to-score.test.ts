import { ruleTester } from '../../testing/index.js';
import rule from './scheduler-percentage-nodes-to-score.js';

ruleTester.run(rule, {
  fail: {
    everything: [{ messageId: 'tooHigh', data: { where: 'global', value: 100, nodes: 2000, adaptive: 34 } }],
    starved: [{ messageId: 'tooLow', data: { where: 'profile default-scheduler', value: 5, nodes: 400, scored: 100 } }],
  },
});
