import { ruleTester } from '../../testing/index.js';
import rule from './in-tree-provisioner.js';

ruleTester.run(rule, {
  fail: {
    'aws-ebs': [
      {
        messageId: 'migratedOnly',
        data: { plugin: 'kubernetes.io/aws-ebs', removedIn: '1.27', driver: 'ebs.csi.aws.com', version: '1.35' },
        path: ['provisioner'],
      },
    ],
    'aws-ebs-1-25': [{ messageId: 'migrated', data: { since: '1.25', driver: 'ebs.csi.aws.com' } }],
    'glusterfs-pv': [
      {
        messageId: 'gone',
        data: { plugin: 'kubernetes.io/glusterfs', removedIn: '1.26' },
        path: ['spec', 'glusterfs'],
      },
    ],
    portworx: [{ messageId: 'deprecated', data: { replacement: 'pxd.portworx.com' } }],
  },
});
