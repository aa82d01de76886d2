import { ruleTester } from '../../testing/index.js';
import rule from './liveness-equals-readiness.js';

ruleTester.run(rule, { fail: { same: [{ messageId: 'identical', data: { container: 'api' } }] } });
