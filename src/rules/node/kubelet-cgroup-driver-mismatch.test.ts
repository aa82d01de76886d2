import { ruleTester } from '../../testing/index.js';
import rule from './kubelet-cgroup-driver-mismatch.js';

ruleTester.run(rule, {
  fail: {
    containerd: [
      {
        messageId: 'mismatch',
        data: { kubelet: 'systemd', runtime: 'containerd', runtimeDriver: 'cgroupfs' },
        object: 'ContainerdConfig/config.toml',
      },
    ],
  },
});
