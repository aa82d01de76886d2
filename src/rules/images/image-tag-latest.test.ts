import { ruleTester } from '../../testing/index.js';
import rule from './image-tag-latest.js';

ruleTester.run(rule, {
  fail: {
    latest: [
      { messageId: 'latest', data: { container: 'web', image: 'registry.example.com:5000/web:latest' } },
      { messageId: 'untagged', data: { container: 'log', image: 'fluent/fluent-bit' } },
    ],
  },
});
