import { ruleTester } from '../../testing/index.js';
import rule from './kubelet-cpu-manager-no-reserved.js';

ruleTester.run(rule, { fail: { zero: [{ messageId: 'noReserved', path: ['cpuManagerPolicy'] }] } });
