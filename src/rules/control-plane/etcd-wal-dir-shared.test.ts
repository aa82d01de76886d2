import { ruleTester } from '../../testing/index.js';
import rule from './etcd-wal-dir-shared.js';

ruleTester.run(rule, { fail: { large: [{ messageId: 'shared', data: { dataDir: '/var/lib/etcd', nodes: 500 } }] } });
