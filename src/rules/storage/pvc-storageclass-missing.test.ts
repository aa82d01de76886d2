import { ruleTester } from '../../testing/index.js';
import rule from './pvc-storageclass-missing.js';

ruleTester.run(rule, {
  fail: {
    typo: [
      {
        messageId: 'missing',
        data: { claim: 'data', storageClass: 'fats', known: 'fast' },
        object: 'PersistentVolumeClaim/db/data',
        path: ['spec', 'storageClassName'],
      },
    ],
  },
});
