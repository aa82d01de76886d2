import { ruleTester } from '../../testing/index.js';
import rule from './scheduler-config-api-removed.js';

ruleTester.run(rule, {
  fail: {
    v1beta3: [{ messageId: 'removed', data: { removedIn: '1.29', version: '1.30' }, path: ['apiVersion'] }],
    'v1beta2-deprecated': [{ messageId: 'deprecated', data: { deprecatedIn: '1.25', removedIn: '1.28' } }],
    'v1-too-early': [{ messageId: 'notYet', data: { since: '1.25', version: '1.24' } }],
  },
});
