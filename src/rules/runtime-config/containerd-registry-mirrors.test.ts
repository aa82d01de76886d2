import { ruleTester } from '../../testing/index.js';
import rule from './containerd-registry-mirrors.js';

ruleTester.run(rule, {
  fail: {
    mirrors: [
      {
        messageId: 'deprecated',
        data: { table: 'mirrors' },
        path: ['plugins', 'io.containerd.grpc.v1.cri', 'registry', 'mirrors'],
      },
    ],
    both: [{ messageId: 'ignored', data: { table: 'mirrors' } }],
  },
});
