import { ruleTester } from '../../testing/index.js';
import rule from './jvm-option-removed.js';

const env = ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'];
ruleTester.run(rule, {
  fail: {
    jdk17: [
      { messageId: 'expired', data: { option: '-XX:+PrintGCDateStamps', jdk: 17, expiredIn: 9 }, path: env },
      { messageId: 'expired', data: { option: '-XX:+UseConcMarkSweepGC', jdk: 17, expiredIn: 15 }, path: env },
      { messageId: 'expired', data: { option: '-XX:MaxPermSize=256m', jdk: 17, expiredIn: 17 }, path: env },
    ],
    args: [
      {
        messageId: 'expired',
        data: { option: '-XX:+UseCGroupMemoryLimitForHeap', jdk: 11, expiredIn: 11 },
        path: ['spec', 'template', 'spec', 'containers', 0, 'args', 0],
      },
    ],
    jdk14: [
      {
        messageId: 'obsolete',
        data: { option: '-XX:+UseConcMarkSweepGC', jdk: 14, obsoleteIn: 14 },
        path: ['spec', 'template', 'spec', 'containers', 0, 'command', 2],
      },
    ],
    'unknown-jdk': [{ messageId: 'unknownJdk', data: { option: '-XX:+AggressiveOpts', removedIn: 12 }, path: env }],
  },
});
