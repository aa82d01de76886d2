import { ruleTester } from '../../testing/index.js';
import rule from './pod-sysctl-not-allowed.js';

ruleTester.run(rule, {
  fail: {
    'guide-snippet': [
      {
        messageId: 'inContainer',
        data: { container: 'web' },
        path: ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'sysctls'],
      },
      { messageId: 'unsafe', data: { name: 'net.core.somaxconn', version: '1.28' } },
      { messageId: 'nodeLevel', data: { name: 'vm.swappiness' } },
      { messageId: 'unsafe', data: { name: 'net.ipv4.tcp_keepalive_time' } },
    ],
  },
});
