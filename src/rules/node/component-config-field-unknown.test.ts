import { ruleTester } from '../../testing/index.js';
import rule from './component-config-field-unknown.js';

ruleTester.run(rule, {
  fail: {
    typos: [
      { messageId: 'notYet', data: { kind: 'KubeletConfiguration', field: 'maxParallelImagePulls', since: '1.27' } },
      { messageId: 'unknown', data: { field: 'maxpods', version: '1.26', hint: ' Did you mean maxPods?' } },
    ],
    scheduler: [
      {
        messageId: 'unknown',
        data: {
          kind: 'KubeSchedulerConfiguration',
          field: 'percentageOfNodeToScore',
          hint: ' Did you mean percentageOfNodesToScore?',
        },
        path: ['percentageOfNodeToScore'],
      },
      { messageId: 'notYet', data: { field: 'delayCacheUntilActive', since: '1.27' }, path: ['delayCacheUntilActive'] },
    ],
    'userspace-field': [
      { messageId: 'removed', data: { kind: 'KubeProxyConfiguration', field: 'udpIdleTimeout', removedIn: '1.26' } },
    ],
  },
});
