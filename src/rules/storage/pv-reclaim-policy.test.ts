import { ruleTester } from '../../testing/index.js';
import rule from './pv-reclaim-policy.js';

ruleTester.run(rule, {
  fail: { recycle: [{ messageId: 'recycle', data: { where: '' }, path: ['spec', 'persistentVolumeReclaimPolicy'] }] },
});
