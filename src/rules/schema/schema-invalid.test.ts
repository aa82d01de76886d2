import { ruleTester } from '../../testing/index.js';
import rule from './schema-invalid.js';

const spec = ['spec'];
ruleTester.run(rule, {
  fail: {
    rejected: [
      { messageId: 'invalid', path: [...spec, 'replicas'], data: { problem: 'must be integer' } },
      { messageId: 'invalid', path: [...spec, 'selector'], data: { problem: 'missing required field "selector"' } },
      { messageId: 'unknownField', path: [...spec, 'template', 'spec', 'containers', 0, 'resource'] },
    ],
    'owned-manifest': [{ messageId: 'unknownField', path: ['spec', 'containers', 0, 'resource'] }],
  },
});
