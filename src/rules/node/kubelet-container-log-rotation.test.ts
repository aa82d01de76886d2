import { ruleTester } from '../../testing/index.js';
import rule from './kubelet-container-log-rotation.js';

ruleTester.run(rule, {
  fail: {
    'huge-single': [
      { messageId: 'tooLarge', data: { size: '2GiB', files: 1 } },
      { messageId: 'tooFewFiles', data: { files: 1 } },
    ],
    tiny: [{ messageId: 'tooSmall', data: { size: '100KiB' } }],
  },
});
