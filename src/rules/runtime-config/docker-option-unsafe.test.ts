import { ruleTester } from '../../testing/index.js';
import rule from './docker-option-unsafe.js';

ruleTester.run(rule, {
  fail: {
    legacy: [
      { messageId: 'removed', data: { key: 'graph', replacement: 'data-root' } },
      { messageId: 'driverRemoved', data: { driver: 'devicemapper', version: '25.0' } },
      { messageId: 'breaksNetworking', data: { key: 'iptables' } },
    ],
  },
});
