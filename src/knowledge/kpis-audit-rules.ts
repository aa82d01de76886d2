/**
 * Which audit rules check the configuration behind each KPI's bottleneck: the remediation a diagnose finding
 * links to (`kubetune explain <rule>`, `kubetune audit`). A test keeps every id in step with the rule registry.
 */
const APISERVER_LOAD = ['apiserver-inflight-vs-size', 'apiserver-apf-disabled'];
const API_LATENCY = ['apiserver-inflight-vs-size', 'apiserver-watch-cache-disabled', 'apiserver-audit-policy-verbose'];
const SCHEDULING = ['required-affinity-overuse', 'node-selector-contradicts-affinity', 'anti-affinity-exceeds-domains'];
const DISK = ['kubelet-container-log-rotation', 'docker-log-rotation-missing', 'kubelet-image-gc-thresholds'];
const MEMORY_LIMIT = [
  'memory-limit-ratio',
  'jvm-heap-vs-memory-limit',
  'gomemlimit-vs-memory-limit',
  'node-heap-vs-memory-limit',
];

export const KPI_AUDIT_RULES: Readonly<Record<string, readonly string[]>> = {
  'apiserver-latency-p99-resource': API_LATENCY,
  'apiserver-latency-p99-namespace': API_LATENCY,
  'apiserver-latency-p99-cluster': API_LATENCY,
  'apiserver-qps': ['apiserver-inflight-vs-size'],
  'apiserver-5xx-ratio': ['apiserver-inflight-vs-size'],
  'apiserver-429-ratio': APISERVER_LOAD,
  'apiserver-seat-saturation': APISERVER_LOAD,
  'apiserver-apf-rejections': APISERVER_LOAD,
  'apiserver-apf-wait-p99': APISERVER_LOAD,
  'apiserver-etcd-latency-p99': ['etcd-wal-dir-shared', 'etcd-compaction-missing'],
  'etcd-wal-fsync-p99': ['etcd-wal-dir-shared'],
  'etcd-backend-commit-p99': ['etcd-wal-dir-shared', 'etcd-compaction-missing'],
  'etcd-db-quota-usage': ['etcd-quota-too-large', 'etcd-compaction-missing'],
  'etcd-leader-changes': ['etcd-election-timeout'],
  'etcd-proposals-failed': ['etcd-election-timeout'],
  'etcd-peer-rtt-p99': ['etcd-election-timeout'],
  'scheduler-unschedulable-ratio': SCHEDULING,
  'scheduler-latency-p99': ['scheduler-percentage-nodes-to-score', 'required-affinity-overuse'],
  'scheduler-pending-pods': [...SCHEDULING, 'topology-spread-selector-mismatch'],
  'kubelet-pod-start-p99': ['kubelet-serialize-image-pulls'],
  'kubelet-pleg-relist-p99': ['kubelet-max-pods'],
  'kubelet-runtime-op-p99': ['kubelet-serialize-image-pulls', 'containerd-config-outdated'],
  'node-cpu-utilisation': ['kubelet-reserved-missing', 'cpu-request-missing'],
  'node-load-per-cpu': ['kubelet-reserved-missing'],
  'node-memory-utilisation': ['kubelet-eviction-hard', 'kubelet-reserved-missing', 'memory-request-missing'],
  'node-major-page-faults': ['kubelet-eviction-hard'],
  'node-iowait': DISK,
  'node-disk-await': DISK,
  'node-disk-utilisation': DISK,
  'node-network-drop-ratio': ['sysctl-guide-values'],
  'node-conntrack-usage': ['kube-proxy-conntrack'],
  'container-cpu-throttling': [
    'cpu-limit-ratio',
    'gomaxprocs-vs-cpu-limit',
    'jvm-cpu-count-vs-limit',
    'python-workers-vs-cpu-limit',
  ],
  'container-cpu-vs-limit': ['cpu-limit-ratio'],
  'container-memory-vs-limit': MEMORY_LIMIT,
  'container-oom-kills': ['memory-limit-missing', ...MEMORY_LIMIT],
  'container-restarts': ['startup-probe-missing', 'liveness-equals-readiness'],
  'service-latency-p99': ['cpu-limit-ratio'],
  'coredns-latency-p99': ['dns-ndots-external'],
};
