import { ruleTester } from '../../testing/index.js';
import rule from './etcd-quota-too-large.js';

ruleTester.run(rule, {
  fail: { 'sixteen-gib': [{ messageId: 'tooLarge', data: { value: '17179869184', human: '16GiB' } }] },
});
