import { ruleTester } from '../../testing/index.js';
import rule from './api-version-removed.js';

ruleTester.run(rule, {
  fail: {
    cronjob: [
      {
        messageId: 'removed',
        data: {
          apiVersion: 'batch/v1beta1',
          kind: 'CronJob',
          removedIn: '1.25',
          replacement: 'batch/v1',
          version: '1.35',
        },
        path: ['apiVersion'],
      },
    ],
    ingress: [
      {
        messageId: 'removed',
        data: { apiVersion: 'extensions/v1beta1', kind: 'Ingress', replacement: 'networking.k8s.io/v1' },
      },
    ],
    'deprecated-hpa': [
      {
        messageId: 'deprecated',
        data: { deprecatedIn: '1.23', removal: ' and removed in 1.26', replacement: 'autoscaling/v2' },
      },
    ],
  },
});
