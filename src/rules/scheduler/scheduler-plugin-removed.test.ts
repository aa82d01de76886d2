import { ruleTester } from '../../testing/index.js';
import rule from './scheduler-plugin-removed.js';

ruleTester.run(rule, {
  fail: {
    'old-guide': [
      {
        messageId: 'removed',
        data: {
          plugin: 'NodeResourcesLeastAllocated',
          point: 'score',
          replacement: 'NodeResourcesFit scoringStrategy',
        },
      },
      {
        messageId: 'removed',
        data: { plugin: 'SelectorSpread' },
        path: ['profiles', 0, 'plugins', 'score', 'enabled', 1],
      },
      { messageId: 'removed', data: { plugin: 'EBSLimits', replacement: 'NodeVolumeLimits' } },
    ],
    'deprecated-131': [{ messageId: 'deprecated', data: { plugin: 'GCEPDLimits', deprecatedIn: '1.31' } }],
    'gates-125': [{ messageId: 'notYet', data: { plugin: 'SchedulingGates', since: '1.26' } }],
  },
});
