import { ruleTester } from '../../testing/index.js';
import rule from './cni-option-deprecated.js';

ruleTester.run(rule, {
  fail: {
    'cilium-114': [
      {
        messageId: 'deprecated',
        data: { key: 'tunnel', value: '', removal: ' and removed in Cilium 1.15' },
        path: ['data', 'tunnel'],
      },
      { messageId: 'deprecated', data: { key: 'kube-proxy-replacement', value: ': strict' } },
    ],
    helm: [
      {
        messageId: 'deprecated',
        data: { key: 'kubeProxyReplacement', value: ': partial' },
        path: ['kubeProxyReplacement'],
      },
      { messageId: 'deprecated', data: { key: 'tunnel', replacement: 'routingMode and tunnelProtocol' } },
    ],
  },
});
