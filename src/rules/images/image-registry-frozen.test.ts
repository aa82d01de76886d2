import { ruleTester } from '../../testing/index.js';
import rule from './image-registry-frozen.js';

ruleTester.run(rule, {
  fail: { 'k8s-gcr': [{ messageId: 'frozen', data: { registry: 'k8s.gcr.io', replacement: 'registry.k8s.io' } }] },
});
