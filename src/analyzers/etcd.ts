import { defineAnalyzer } from './define-analyzer.js';

/** etcd: disk latency (WAL fsync, backend commit), space, leadership stability, peer network; and etcd as seen by the API server. */
export default defineAnalyzer({
  id: 'etcd',
  area: 'control-plane',
  summary: 'etcd disk latency, DB size vs quota, leader changes, failed proposals, peer RTT.',
  queries: {
    walFsync: 'etcd-wal-fsync-p99',
    backendCommit: 'etcd-backend-commit-p99',
    dbQuota: 'etcd-db-quota-usage',
    leaderChanges: 'etcd-leader-changes',
    proposalsFailed: 'etcd-proposals-failed',
    peerRtt: 'etcd-peer-rtt-p99',
    fromApiServer: 'apiserver-etcd-latency-p99',
  },
});
