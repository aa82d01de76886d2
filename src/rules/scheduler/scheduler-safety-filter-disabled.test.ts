import { ruleTester } from '../../testing/index.js';
import rule from './scheduler-safety-filter-disabled.js';

ruleTester.run(rule, {
  fail: {
    star: [
      {
        messageId: 'disabled',
        data: { profile: 'fast-scheduler', plugin: 'NodeUnschedulable', point: 'multiPoint', how: ' (via "*")' },
      },
      { messageId: 'disabled', data: { plugin: 'TaintToleration' } },
    ],
    'by-name': [{ messageId: 'disabled', data: { plugin: 'NodeResourcesFit', point: 'filter', how: '' } }],
  },
});
