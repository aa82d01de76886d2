import { ruleTester } from '../../testing/index.js';
import rule from './containerd-config-outdated.js';

ruleTester.run(rule, {
  fail: {
    v1: [{ messageId: 'versionOne', path: ['version'] }],
    'removed-keys': [
      { messageId: 'removedKey', data: { key: 'systemd_cgroup' } },
      {
        messageId: 'removedKey',
        data: { key: 'containerd.untrusted_workload_runtime', replacement: 'a RuntimeClass' },
      },
    ],
  },
});
