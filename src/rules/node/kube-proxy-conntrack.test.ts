import { ruleTester } from '../../testing/index.js';
import rule from './kube-proxy-conntrack.js';

ruleTester.run(rule, {
  fail: {
    'kernel-defaults': [
      { messageId: 'unsized', path: ['conntrack', 'maxPerCore'] },
      { messageId: 'establishedKernel', data: { value: '0s' }, path: ['conntrack', 'tcpEstablishedTimeout'] },
    ],
  },
});
