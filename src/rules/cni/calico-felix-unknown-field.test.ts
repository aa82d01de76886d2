import { ruleTester } from '../../testing/index.js';
import rule from './calico-felix-unknown-field.js';

ruleTester.run(rule, {
  fail: {
    spellings: [
      { messageId: 'wrongCase', data: { field: 'BPFEnabled', expected: 'bpfEnabled' }, path: ['spec', 'BPFEnabled'] },
      { messageId: 'envStyle', data: { field: 'FELIX_IPTABLESREFRESHINTERVAL', expected: 'iptablesRefreshInterval' } },
    ],
  },
});
