import { ruleTester } from '../../testing/index.js';
import rule from './containerd-systemd-cgroup.js';

ruleTester.run(rule, { fail: { default: [{ messageId: 'off', data: { value: 'not set (default false)' } }] } });
