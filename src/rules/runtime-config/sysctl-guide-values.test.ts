import { ruleTester } from '../../testing/index.js';
import rule from './sysctl-guide-values.js';

ruleTester.run(rule, {
  fail: {
    'distro-defaults': [
      {
        messageId: 'tooLow',
        data: { key: 'net.core.somaxconn', value: '4096', min: 32768 },
        path: ['net.core.somaxconn'],
      },
      { messageId: 'tooHigh', data: { key: 'vm.swappiness', value: '60', max: 1 } },
      { messageId: 'notEqual', data: { key: 'net.ipv4.tcp_congestion_control', expected: 'bbr' } },
      { messageId: 'tooLow', data: { key: 'fs.inotify.max_user_watches' } },
    ],
  },
});
