import { ruleTester } from '../../testing/index.js';
import rule from './kube-proxy-mode.js';

ruleTester.run(rule, {
  fail: {
    userspace: [{ messageId: 'removed', data: { mode: 'userspace', removedIn: '1.26' }, path: ['mode'] }],
    'ipvs-135': [{ messageId: 'deprecated', data: { mode: 'ipvs', deprecatedIn: '1.35' } }],
    'nftables-alpha': [{ messageId: 'alpha', data: { mode: 'nftables', version: '1.30' } }],
    'nftables-128': [{ messageId: 'notYet', data: { mode: 'nftables', since: '1.29' } }],
    'iptables-at-scale': [
      { messageId: 'iptablesAtScale', data: { services: 4000, nftHint: ' (GA from 1.33) or ipvs' } },
    ],
  },
});
