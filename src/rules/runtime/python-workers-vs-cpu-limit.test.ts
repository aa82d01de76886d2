import { ruleTester } from '../../testing/index.js';
import rule from './python-workers-vs-cpu-limit.js';

ruleTester.run(rule, {
  fail: {
    gunicorn: [
      {
        messageId: 'tooMany',
        data: { server: 'gunicorn', workers: 17, limit: '1', cores: 1, max: 3 },
        path: ['spec', 'template', 'spec', 'containers', 0, 'command', 1],
      },
    ],
    'uvicorn-shell': [
      {
        messageId: 'tooMany',
        data: { server: 'uvicorn', workers: 8 },
        path: ['spec', 'template', 'spec', 'containers', 0, 'command', 2],
      },
    ],
  },
});
