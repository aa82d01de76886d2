import { ruleTester } from '../../testing/index.js';
import rule from './component-config-field-unknown.js';

ruleTester.run(rule, {
  fail: {
    typos: [
      { messageId: 'notYet', data: { kind: 'KubeletConfiguration', field: 'maxParallelImagePulls', since: '1.27' } },
      { messageId: 'unknown', data: { field: 'maxpods', version: '1.26' } },
    ],
    'userspace-field': [
      { messageId: 'removed', data: { kind: 'KubeProxyConfiguration', field: 'udpIdleTimeout', removedIn: '1.26' } },
    ],
  },
});
