import { ruleTester } from '../../testing/index.js';
import rule from './namespace-mostly-besteffort.js';

ruleTester.run(rule, {
  fail: {
    dev: [
      { messageId: 'mostlyBestEffort', data: { bestEffort: 3, pods: 4, pct: 75, max: 50 }, object: 'Namespace/dev' },
    ],
  },
});
