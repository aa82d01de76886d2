import { ruleTester } from '../../testing/index.js';
import rule from './replicas-without-spread.js';

ruleTester.run(rule, {
  fail: { bare: [{ messageId: 'noSpread', data: { replicas: 3 }, path: ['spec', 'template', 'spec'] }] },
});
