import { ruleTester } from '../../testing/index.js';
import rule from './component-flag-invalid.js';

ruleTester.run(rule, {
  fail: {
    'kubeadm-v1beta4': [
      {
        messageId: 'removed',
        data: { component: 'kube-controller-manager', flag: 'pod-eviction-timeout', removedIn: '1.27' },
        path: ['controllerManager', 'extraArgs', 0],
      },
      {
        messageId: 'removed',
        data: { component: 'kube-scheduler', flag: 'scheduler-name', removedIn: '1.22' },
        path: ['scheduler', 'extraArgs', 0],
      },
    ],
    'static-pod': [
      {
        messageId: 'removed',
        data: { flag: 'logtostderr', removedIn: '1.26' },
        path: ['spec', 'containers', 0, 'command', 2],
      },
      {
        messageId: 'unknown',
        data: { flag: 'enable-turbo-mode', version: '1.29' },
        path: ['spec', 'containers', 0, 'command', 4],
      },
    ],
    'upstream-tables': [
      {
        messageId: 'unknown',
        data: { flag: 'max-mutating-request-inflight', hint: ' Did you mean --max-mutating-requests-inflight?' },
      },
      {
        messageId: 'notYet',
        data: { flag: 'runtime-config-emulation-forward-compatible', since: 'Kubernetes 1.33', version: '1.31' },
      },
      {
        messageId: 'unlisted',
        data: { component: 'kube-proxy', flag: 'proxy-port-range', removedIn: '1.29', lastListed: '1.28' },
        path: ['spec', 'containers', 0, 'command', 2],
      },
      {
        messageId: 'unknown',
        data: { flag: 'metrics-bind-adress', hint: ' Did you mean --metrics-bind-address?' },
        path: ['spec', 'containers', 0, 'command', 3],
      },
    ],
    'etcd-36-flag': [
      {
        messageId: 'notYet',
        data: { component: 'etcd', flag: 'watch-progress-notify-interval', since: 'Kubernetes 1.34', version: '1.33' },
      },
    ],
  },
});
