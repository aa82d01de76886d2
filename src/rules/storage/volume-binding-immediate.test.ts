import { ruleTester } from '../../testing/index.js';
import rule from './volume-binding-immediate.js';

ruleTester.run(rule, {
  fail: {
    default: [
      {
        messageId: 'immediate',
        data: { provisioner: 'ebs.csi.aws.com', mode: 'Immediate (default)' },
        path: ['volumeBindingMode'],
      },
    ],
    local: [{ messageId: 'immediate', data: { provisioner: 'kubernetes.io/no-provisioner', mode: 'Immediate' } }],
  },
});
