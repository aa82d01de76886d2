import { COMMON_FLAGS, KLOG_REMOVED, union, words, type FlagChange, type FlagCatalogue } from './flags-types.js';

const REF = 'https://kubernetes.io/docs/reference/command-line-tools-reference/kubelet/';
const CHANGELOG = (minor: number) =>
  `https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.${minor}.md`;
const DOCKERSHIM = 'https://kubernetes.io/blog/2022/02/17/dockershim-faq/';

const dockershim = (names: string): FlagChange[] =>
  [...words(names)].map((name) => ({
    name,
    deprecatedIn: '1.20',
    removedIn: '1.24',
    replacement: 'a CRI runtime (containerd, CRI-O) configured on its own',
    source: DOCKERSHIM,
  }));

/**
 * kubelet flags. Most still parse but are deprecated in favour of the KubeletConfiguration file (`--config`);
 * kubetune reports those through the config-file rules rather than as deprecated flags.
 */
export const KUBELET_FLAGS: FlagCatalogue = {
  component: 'kubelet',
  reference: REF,
  stable: union(
    COMMON_FLAGS,
    words(`
    address allowed-unsafe-sysctls anonymous-auth application-metrics-count-limit authentication-token-webhook
    authentication-token-webhook-cache-ttl authorization-mode authorization-webhook-cache-authorized-ttl
    authorization-webhook-cache-unauthorized-ttl boot-id-file bootstrap-kubeconfig cert-dir cgroup-driver cgroup-root
    cgroups-per-qos client-ca-file cloud-config cloud-provider cluster-dns cluster-domain config config-dir
    container-hints container-log-max-files container-log-max-size container-runtime-endpoint containerd
    containerd-namespace contention-profiling cpu-cfs-quota cpu-cfs-quota-period cpu-manager-policy
    cpu-manager-policy-options cpu-manager-reconcile-period enable-controller-attach-detach enable-debugging-handlers
    enable-load-reader enable-server enforce-node-allocatable event-burst event-qps event-storage-age-limit
    event-storage-event-limit eviction-hard eviction-max-pod-grace-period eviction-minimum-reclaim
    eviction-pressure-transition-period eviction-soft eviction-soft-grace-period exit-on-lock-contention
    fail-swap-on file-check-frequency global-housekeeping-interval hairpin-mode healthz-bind-address healthz-port
    hostname-override housekeeping-interval http-check-frequency image-credential-provider-bin-dir
    image-credential-provider-config image-gc-high-threshold image-gc-low-threshold image-service-endpoint
    kernel-memcg-notification kube-api-burst kube-api-content-type kube-api-qps kube-reserved
    kube-reserved-cgroup kubeconfig kubelet-cgroups local-storage-capacity-isolation lock-file log-cadvisor-usage
    machine-id-file make-iptables-util-chains manifest-url manifest-url-header max-open-files max-pods
    maximum-dead-containers maximum-dead-containers-per-container memory-manager-policy minimum-container-ttl-duration
    minimum-image-ttl-duration node-ip node-labels node-status-max-images node-status-update-frequency
    oom-score-adj pod-cidr pod-infra-container-image pod-manifest-path pod-max-pids pods-per-core port
    protect-kernel-defaults provider-id qos-reserved read-only-port register-node register-schedulable
    register-with-taints registry-burst registry-qps reserved-cpus reserved-memory resolv-conf root-dir
    rotate-certificates rotate-server-certificates runonce runtime-cgroups runtime-request-timeout seccomp-default
    serialize-image-pulls storage-driver-buffer-duration storage-driver-db storage-driver-host storage-driver-password
    storage-driver-secure storage-driver-table storage-driver-user streaming-connection-idle-timeout
    sync-frequency system-cgroups system-reserved system-reserved-cgroup tls-cert-file tls-cipher-suites
    tls-min-version tls-private-key-file topology-manager-policy topology-manager-policy-options
    topology-manager-scope volume-plugin-dir volume-stats-agg-period node-status-report-frequency
    docker-root enable-cadvisor-json-endpoints
  `),
  ),
  changes: [
    ...KLOG_REMOVED,
    ...dockershim(`docker-endpoint network-plugin network-plugin-mtu cni-bin-dir cni-conf-dir cni-cache-dir
      image-pull-progress-deadline experimental-dockershim-root-directory docker-disable-shared-pid redirect-container-streaming`),
    {
      name: 'dynamic-config-dir',
      deprecatedIn: '1.22',
      removedIn: '1.24',
      replacement: 'a KubeletConfiguration file (--config)',
      source: CHANGELOG(24),
    },
    {
      name: 'non-masquerade-cidr',
      deprecatedIn: '1.21',
      removedIn: '1.24',
      replacement: 'the CNI plugin masquerade settings',
      source: CHANGELOG(24),
    },
    {
      name: 'container-runtime',
      deprecatedIn: '1.24',
      removedIn: '1.27',
      replacement: '--container-runtime-endpoint (remote is the only runtime)',
      source: 'https://kubernetes.io/blog/2023/03/17/upcoming-changes-in-kubernetes-v1-27/',
    },
    {
      name: 'master-service-namespace',
      deprecatedIn: '1.7',
      removedIn: '1.27',
      replacement: 'none',
      source: 'https://github.com/kubernetes/kubernetes/pull/116015',
    },
    {
      name: 'azure-container-registry-config',
      deprecatedIn: '1.26',
      removedIn: '1.30',
      replacement: '--image-credential-provider-config with the Azure credential provider plugin',
      source: CHANGELOG(30),
    },
    // experimental-allocatable-ignore-eviction and experimental-mounter-path are deprecated (pflag MarkDeprecated),
    // not removed: every kubelet reference 1.25-1.35 lists them (generated tables, flags-upstream-data.ts).
    {
      name: 'experimental-check-node-capabilities-before-mount',
      removedIn: '1.24',
      replacement: 'none',
      source: CHANGELOG(24),
    },
    {
      name: 'keep-terminated-pod-volumes',
      deprecatedIn: '1.15',
      removedIn: '1.31',
      replacement: 'none',
      source: CHANGELOG(31),
    },
    { name: 'image-credential-provider-config', source: REF },
    {
      name: 'pod-infra-container-image',
      deprecatedIn: '1.27',
      replacement: 'the runtime sandbox image (containerd sandbox_image / sandbox)',
      source: CHANGELOG(27),
    },
  ],
};
