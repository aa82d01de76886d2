import { ruleTester } from '../../testing/index.js';
import rule from './memory-request-missing.js';

ruleTester.run(rule, {
  fail: {
    cronjob: [
      {
        messageId: 'missing',
        data: { container: 'report' },
        path: ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0, 'resources', 'requests', 'memory'],
        object: 'CronJob/batch/report',
      },
    ],
  },
});
