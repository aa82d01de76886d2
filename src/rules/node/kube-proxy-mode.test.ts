import { ruleTester } from '../../testing/index.js';
import rule from './kube-proxy-mode.js';

ruleTester.run(rule, {
  fail: {
    userspace: [{ messageId: 'removed', data: { mode: 'userspace', removedIn: '1.26' }, path: ['mode'] }],
    'ipvs-135': [{ messageId: 'deprecated', data: { mode: 'ipvs', deprecatedIn: '1.35' } }],
    'nftables-alpha': [{ messageId: 'alpha', data: { mode: 'nftables', version: '1.30' } }],
  },
});
