import { ruleTester } from '../../testing/index.js';
import rule from './storage-parameter-bounds.js';

ruleTester.run(rule, {
  fail: {
    'gp3-guide': [
      {
        messageId: 'iopsRange',
        data: { type: 'gp3', iops: 20000, min: 3000, max: 16000 },
        path: ['parameters', 'iops'],
      },
      {
        messageId: 'throughputRange',
        data: { throughput: 1200, min: 125, max: 1000 },
        path: ['parameters', 'throughput'],
      },
    ],
    'throughput-vs-iops': [
      { messageId: 'throughputPerIops', data: { throughput: 1000, needed: 4000, ratio: 0.25, iops: 3000 } },
    ],
    'small-claim': [
      {
        messageId: 'iopsPerGiB',
        data: { type: 'io1', claim: 'wal', size: 20, iops: 5000, max: 50 },
        object: 'PersistentVolumeClaim/db/wal',
        path: ['spec', 'storageClassName'],
      },
    ],
  },
});
