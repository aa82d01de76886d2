import { COMMON_FLAGS, KLOG_REMOVED, union, words, type FlagCatalogue } from './flags-types.js';

/** kube-proxy flags (https://kubernetes.io/docs/reference/command-line-tools-reference/kube-proxy/). */
export const KUBE_PROXY_FLAGS: FlagCatalogue = {
  component: 'kube-proxy',
  reference: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-proxy/',
  stable: union(
    COMMON_FLAGS,
    words(`
    bind-address bind-address-hard-fail boot-id-file cleanup cluster-cidr config config-sync-period
    conntrack-max-per-core conntrack-min conntrack-tcp-timeout-close-wait conntrack-tcp-timeout-established
    conntrack-tcp-be-liberal conntrack-udp-timeout conntrack-udp-timeout-stream detect-local-mode healthz-bind-address
    hostname-override init-only iptables-localhost-nodeports iptables-masquerade-bit iptables-min-sync-period
    iptables-sync-period ipvs-exclude-cidrs ipvs-min-sync-period ipvs-scheduler ipvs-strict-arp ipvs-sync-period
    ipvs-tcp-timeout ipvs-tcpfin-timeout ipvs-udp-timeout kube-api-burst kube-api-content-type kube-api-qps
    kubeconfig masquerade-all master metrics-bind-address nodeport-addresses oom-score-adj pod-bridge-interface
    pod-interface-name-prefix profiling proxy-mode write-config-to node-ip logging-format
    min-sync-period sync-period
  `),
  ),
  changes: [
    ...KLOG_REMOVED,
    // proxy-port-range: the kube-proxy reference lists it through 1.28 (generated tables), not removed in 1.26.
    {
      name: 'udp-timeout',
      deprecatedIn: '1.24',
      removedIn: '1.26',
      replacement: 'none (the userspace mode was removed)',
      source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.26.md',
    },
  ],
};

const ETCD_36 = 'https://etcd.io/docs/v3.6/upgrades/upgrade_3_6/';

/**
 * etcd server flags. Kubernetes bundles etcd 3.5 up to 1.33 and etcd 3.6 from 1.34 (kubeadm), so versions here
 * are the Kubernetes releases whose bundled etcd first changed: `1.34` stands for etcd 3.6.
 * Sources: https://etcd.io/docs/v3.5/op-guide/configuration/, ETCD_36.
 */
export const ETCD_FLAGS: FlagCatalogue = {
  component: 'etcd',
  reference: 'https://etcd.io/docs/v3.6/op-guide/configuration/',
  stable: words(`
    name data-dir wal-dir snapshot-count heartbeat-interval election-timeout initial-election-tick-advance
    listen-peer-urls listen-client-urls listen-client-http-urls listen-metrics-urls max-snapshots max-wals
    quota-backend-bytes backend-bbolt-freelist-type backend-batch-limit backend-batch-interval max-txn-ops
    max-request-bytes grpc-keepalive-min-time grpc-keepalive-interval grpc-keepalive-timeout socket-reuse-port
    socket-reuse-address initial-advertise-peer-urls initial-cluster initial-cluster-state initial-cluster-token
    advertise-client-urls discovery discovery-srv discovery-srv-name discovery-fallback discovery-proxy
    strict-reconfig-check pre-vote auto-compaction-retention auto-compaction-mode enable-pprof enable-grpc-gateway
    cert-file key-file client-cert-auth client-crl-file client-cert-allowed-hostname trusted-ca-file auto-tls
    peer-cert-file peer-key-file peer-client-cert-auth peer-crl-file peer-trusted-ca-file peer-auto-tls
    peer-cert-allowed-cn peer-cert-allowed-hostname cipher-suites tls-min-version tls-max-version
    self-signed-cert-validity client-cert-file client-key-file peer-client-cert-file peer-client-key-file
    cors host-whitelist auth-token bcrypt-cost auth-token-ttl logger log-outputs log-level log-format
    enable-log-rotation log-rotation-config-json metrics listen-metrics-urls config-file unsafe-no-fsync
    force-new-cluster help version
  `),
  changes: [
    {
      name: 'enable-v2',
      deprecatedIn: '1.25',
      removedIn: '1.34',
      replacement: 'none (the v2 API is gone in etcd 3.6)',
      source: ETCD_36,
    },
    { name: 'experimental-enable-v2v3', deprecatedIn: '1.25', removedIn: '1.34', replacement: 'none', source: ETCD_36 },
    ...[
      'proxy',
      'proxy-failure-wait',
      'proxy-refresh-interval',
      'proxy-dial-timeout',
      'proxy-write-timeout',
      'proxy-read-timeout',
    ].map((name) => ({
      name,
      deprecatedIn: '1.25',
      removedIn: '1.34',
      replacement: 'the v3 gRPC proxy (etcd grpc-proxy start)',
      source: ETCD_36,
    })),
    {
      name: 'debug',
      removedIn: '1.22',
      replacement: '--log-level=debug',
      source: 'https://etcd.io/docs/v3.5/upgrades/upgrade_3_5/',
    },
    {
      name: 'log-package-levels',
      removedIn: '1.22',
      replacement: '--log-level',
      source: 'https://etcd.io/docs/v3.5/upgrades/upgrade_3_5/',
    },
    // 3.6 renamed the experimental flags; the old names still parse with a deprecation warning until etcd 3.7.
    ...[
      ['experimental-initial-corrupt-check', '--feature-gates=InitialCorruptCheck=true'],
      ['experimental-compact-hash-check-enabled', '--feature-gates=CompactHashCheck=true'],
      ['experimental-watch-progress-notify-interval', '--watch-progress-notify-interval'],
      ['experimental-warning-apply-duration', '--warning-apply-duration'],
      ['experimental-snapshot-catchup-entries', '--snapshot-catchup-entries'],
      ['experimental-compaction-batch-limit', '--compaction-batch-limit'],
      ['experimental-peer-skip-client-san-verification', '--peer-skip-client-san-verification'],
      ['experimental-corrupt-check-time', '--corrupt-check-time'],
      ['experimental-compact-hash-check-time', '--compact-hash-check-time'],
      // experimental-backend-bbolt-freelist-type: already renamed in etcd 3.5 (server/etcdmain/config.go at v3.5.x).
      ['experimental-memory-mlock', '--memory-mlock'],
      ['experimental-max-learners', '--max-learners'],
      ['experimental-downgrade-check-time', '--downgrade-check-time'],
      ['experimental-enable-lease-checkpoint', '--feature-gates=LeaseCheckpoint=true'],
      ['experimental-stop-grpc-service-on-defrag', '--feature-gates=StopGRPCServiceOnDefrag=true'],
      ['experimental-txn-mode-write-with-shared-buffer', '--feature-gates=TxnModeWriteWithSharedBuffer=true'],
      ['experimental-distributed-tracing-address', '--distributed-tracing-address'],
    ].map(([name, replacement]) => ({ name: name!, deprecatedIn: '1.34', replacement: replacement!, source: ETCD_36 })),
    ...[
      'feature-gates',
      'watch-progress-notify-interval',
      'warning-apply-duration',
      'snapshot-catchup-entries',
      'compaction-batch-limit',
      'peer-skip-client-san-verification',
      'corrupt-check-time',
      'compact-hash-check-time',
      'memory-mlock',
      'max-learners',
      'downgrade-check-time',
      'distributed-tracing-address',
      'compaction-sleep-interval',
      'warning-unary-request-duration',
    ].map((name) => ({ name, since: '1.34', source: ETCD_36 })),
  ],
};
