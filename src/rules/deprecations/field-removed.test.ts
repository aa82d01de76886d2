import { ruleTester } from '../../testing/index.js';
import rule from './field-removed.js';

ruleTester.run(rule, {
  fail: {
    'seccomp-annotation': [
      {
        messageId: 'removed',
        data: {
          item: 'seccomp.security.alpha.kubernetes.io/pod',
          removedIn: '1.27',
          consequence: 'it is ignored',
          replacement: 'securityContext.seccompProfile',
        },
        path: ['spec', 'template', 'metadata', 'annotations', 'seccomp.security.alpha.kubernetes.io/pod'],
      },
    ],
    glusterfs: [
      {
        messageId: 'removed',
        data: { item: 'glusterfs', consequence: 'pods using it cannot start' },
        path: ['spec', 'template', 'spec', 'volumes', 0, 'glusterfs'],
      },
    ],
    'owned-pods': [
      {
        messageId: 'removed',
        data: { item: 'seccomp.security.alpha.kubernetes.io/pod' },
        path: ['metadata', 'annotations', 'seccomp.security.alpha.kubernetes.io/pod'],
      },
      {
        messageId: 'removed',
        data: { item: 'seccomp.security.alpha.kubernetes.io/pod' },
        path: ['spec', 'template', 'metadata', 'annotations', 'seccomp.security.alpha.kubernetes.io/pod'],
      },
    ],
    'ingress-class': [
      {
        messageId: 'deprecated',
        data: { item: 'kubernetes.io/ingress.class', deprecatedIn: '1.18', replacement: 'spec.ingressClassName' },
      },
    ],
  },
});
