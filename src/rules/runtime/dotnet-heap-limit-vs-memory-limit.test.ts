import { ruleTester } from '../../testing/index.js';
import rule from './dotnet-heap-limit-vs-memory-limit.js';

ruleTester.run(rule, {
  fail: {
    'decimal-mistake': [
      {
        messageId: 'exceedsLimit',
        data: { variable: 'DOTNET_GCHeapHardLimit', raw: '400000000', heap: '16GiB', limit: '512MiB' },
        path: ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'],
      },
    ],
    percent: [{ messageId: 'percentTooHigh', data: { raw: '0x64', value: 100 } }],
  },
});
