import { COMMON_FLAGS, KLOG_REMOVED, SERVING_FLAGS, union, words, type FlagCatalogue } from './flags-types.js';

const REF = 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/';
const CHANGELOG = (minor: number) =>
  `https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.${minor}.md`;

/** kube-apiserver flags. Source: the generated reference page (REF) of each release and the release changelogs. */
export const APISERVER_FLAGS: FlagCatalogue = {
  component: 'kube-apiserver',
  reference: REF,
  stable: union(
    COMMON_FLAGS,
    SERVING_FLAGS,
    words(`
    admission-control-config-file advertise-address allow-privileged anonymous-auth api-audiences apiserver-count
    audit-log-batch-buffer-size audit-log-batch-max-size audit-log-batch-max-wait audit-log-batch-throttle-burst
    audit-log-batch-throttle-enable audit-log-batch-throttle-qps audit-log-compress audit-log-format audit-log-maxage
    audit-log-maxbackup audit-log-maxsize audit-log-mode audit-log-path audit-log-truncate-enabled
    audit-log-truncate-max-batch-size audit-log-truncate-max-event-size audit-log-version audit-policy-file
    audit-webhook-batch-buffer-size audit-webhook-batch-max-size audit-webhook-batch-max-wait
    audit-webhook-batch-throttle-burst audit-webhook-batch-throttle-enable audit-webhook-batch-throttle-qps
    audit-webhook-config-file audit-webhook-initial-backoff audit-webhook-mode audit-webhook-truncate-enabled
    audit-webhook-truncate-max-batch-size audit-webhook-truncate-max-event-size audit-webhook-version
    authentication-token-webhook-cache-ttl authentication-token-webhook-config-file authentication-token-webhook-version
    authorization-mode authorization-policy-file authorization-webhook-cache-authorized-ttl
    authorization-webhook-cache-unauthorized-ttl authorization-webhook-config-file authorization-webhook-version
    cloud-config cloud-provider cors-allowed-origins default-not-ready-toleration-seconds
    default-unreachable-toleration-seconds default-watch-cache-size delete-collection-workers disable-admission-plugins
    egress-selector-config-file enable-admission-plugins enable-aggregator-routing enable-bootstrap-token-auth
    enable-garbage-collector enable-priority-and-fairness encryption-provider-config endpoint-reconciler-type
    etcd-cafile etcd-certfile etcd-compaction-interval etcd-count-metric-poll-period etcd-db-metric-poll-interval
    etcd-healthcheck-timeout etcd-keyfile etcd-prefix etcd-readycheck-timeout etcd-servers etcd-servers-overrides
    event-ttl external-hostname goaway-chance kubelet-certificate-authority kubelet-client-certificate
    kubelet-client-key kubelet-port kubelet-preferred-address-types kubelet-read-only-port kubelet-timeout
    kubernetes-service-node-port lease-reuse-duration-seconds livez-grace-period max-connection-bytes-per-sec
    max-mutating-requests-inflight max-requests-inflight min-request-timeout oidc-ca-file oidc-client-id
    oidc-groups-claim oidc-groups-prefix oidc-issuer-url oidc-required-claim oidc-signing-algs oidc-username-claim
    oidc-username-prefix permit-address-sharing profiling contention-profiling proxy-client-cert-file
    proxy-client-key-file request-timeout runtime-config service-account-extend-token-expiration
    service-account-issuer service-account-jwks-uri service-account-key-file service-account-lookup
    service-account-max-token-expiration service-account-signing-key-file service-cluster-ip-range
    service-node-port-range shutdown-delay-duration shutdown-send-retry-after storage-backend storage-media-type
    strict-transport-security-directives token-auth-file tracing-config-file watch-cache watch-cache-sizes
    enable-logs-handler aggregator-reject-forwarding-redirect debug-socket-path
    encryption-provider-config-automatic-reload shutdown-watch-termination-grace-period peer-advertise-ip
    peer-advertise-port peer-ca-file authorization-config authentication-config service-account-signing-endpoint
    emulated-version coordinated-leadership-lease-duration coordinated-leadership-renew-deadline
    coordinated-leadership-retry-period
  `),
  ),
  changes: [
    ...KLOG_REMOVED,
    { name: 'insecure-port', removedIn: '1.24', replacement: 'the secure port only', source: CHANGELOG(24) },
    { name: 'insecure-bind-address', removedIn: '1.24', replacement: 'the secure port only', source: CHANGELOG(24) },
    { name: 'port', removedIn: '1.24', replacement: '--secure-port', source: CHANGELOG(24) },
    { name: 'address', removedIn: '1.24', replacement: '--bind-address', source: CHANGELOG(24) },
    { name: 'kubelet-https', removedIn: '1.22', replacement: 'always HTTPS', source: CHANGELOG(22) },
    {
      name: 'target-ram-mb',
      deprecatedIn: '1.19',
      removedIn: '1.24',
      replacement: 'none (watch cache sizes are dynamic)',
      source: 'https://github.com/kubernetes/kubernetes/pull/108457',
    },
    {
      name: 'master-service-namespace',
      deprecatedIn: '1.26',
      removedIn: '1.27',
      replacement: 'none (the flag had no effect)',
      source: 'https://github.com/kubernetes/kubernetes/pull/114446',
    },
    {
      name: 'azure-container-registry-config',
      deprecatedIn: '1.26',
      removedIn: '1.30',
      replacement: 'an image credential provider plugin',
      source: CHANGELOG(30),
    },
  ],
};
