import { ruleTester } from '../../testing/index.js';
import rule from './component-profiling-enabled.js';

ruleTester.run(rule, {
  fail: {
    kubeadm: [
      { messageId: 'defaulted', data: { component: 'kube-scheduler' }, path: ['scheduler', 'extraArgs'] },
      {
        messageId: 'enabled',
        data: { component: 'kube-apiserver', value: 'true' },
        path: ['apiServer', 'extraArgs', 'profiling'],
      },
      {
        messageId: 'defaulted',
        data: { component: 'kube-controller-manager' },
        path: ['controllerManager', 'extraArgs'],
      },
    ],
    'static-pod': [{ messageId: 'defaulted', path: ['spec', 'containers', 0, 'command'] }],
  },
});
