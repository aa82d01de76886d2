import { ruleTester } from '../../testing/index.js';
import rule from './jvm-cpu-count-vs-limit.js';

const env = ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'];
ruleTester.run(rule, {
  fail: {
    'host-sized': [
      {
        messageId: 'aboveLimit',
        data: { setting: '-XX:ActiveProcessorCount=16', count: 16, limit: '1500m', cores: 2 },
        path: env,
      },
      { messageId: 'aboveLimit', data: { setting: '-XX:ParallelGCThreads=8', count: 8, cores: 2 }, path: env },
    ],
  },
});
