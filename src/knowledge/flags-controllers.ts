import {
  CLIENT_FLAGS,
  COMMON_FLAGS,
  DELEGATED_AUTH_FLAGS,
  KLOG_REMOVED,
  LEADER_ELECTION_FLAGS,
  SERVING_FLAGS,
  union,
  words,
  type FlagCatalogue,
} from './flags-types.js';

const CM_REF = 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/';
const SCHED_REF = 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/';

/** kube-controller-manager flags (reference page CM_REF of each release). */
export const CONTROLLER_MANAGER_FLAGS: FlagCatalogue = {
  component: 'kube-controller-manager',
  reference: CM_REF,
  stable: union(
    COMMON_FLAGS,
    SERVING_FLAGS,
    DELEGATED_AUTH_FLAGS,
    LEADER_ELECTION_FLAGS,
    CLIENT_FLAGS,
    words(`
    allocate-node-cidrs attach-detach-reconcile-sync-period cidr-allocator-type cloud-config cloud-provider
    cluster-cidr cluster-name cluster-signing-cert-file cluster-signing-duration cluster-signing-key-file
    cluster-signing-kube-apiserver-client-cert-file cluster-signing-kube-apiserver-client-key-file
    cluster-signing-kubelet-client-cert-file cluster-signing-kubelet-client-key-file
    cluster-signing-kubelet-serving-cert-file cluster-signing-kubelet-serving-key-file
    cluster-signing-legacy-unknown-cert-file cluster-signing-legacy-unknown-key-file
    concurrent-cron-job-syncs concurrent-deployment-syncs concurrent-endpoint-syncs concurrent-ephemeralvolume-syncs
    concurrent-gc-syncs concurrent-horizontal-pod-autoscaler-syncs concurrent-job-syncs concurrent-namespace-syncs
    concurrent-rc-syncs concurrent-replicaset-syncs concurrent-resource-quota-syncs concurrent-service-endpoint-syncs
    concurrent-service-syncs concurrent-serviceaccount-token-syncs concurrent-statefulset-syncs
    concurrent-ttl-after-finished-syncs concurrent-daemonset-syncs concurrent-validating-admission-policy-status-syncs
    concurrent-job-syncs concurrent-pod-gc-syncs configure-cloud-routes controller-start-interval controllers
    disable-attach-detach-reconcile-sync disable-force-detach-on-timeout enable-dynamic-provisioning
    enable-garbage-collector enable-hostpath-provisioner enable-leader-migration endpoint-updates-batch-period
    endpointslice-updates-batch-period external-cloud-volume-plugin flex-volume-plugin-dir
    horizontal-pod-autoscaler-cpu-initialization-period horizontal-pod-autoscaler-downscale-stabilization
    horizontal-pod-autoscaler-initial-readiness-delay horizontal-pod-autoscaler-sync-period
    horizontal-pod-autoscaler-tolerance large-cluster-size-threshold leader-migration-config
    legacy-service-account-token-clean-up-period max-endpoints-per-slice min-resync-period
    mirroring-concurrent-service-endpoint-syncs mirroring-endpointslice-updates-batch-period
    mirroring-max-endpoints-per-subset namespace-sync-period node-cidr-mask-size node-cidr-mask-size-ipv4
    node-cidr-mask-size-ipv6 node-eviction-rate node-monitor-grace-period node-monitor-period
    node-startup-grace-period persistent-volume-binder-sync-period pv-recycler-increment-timeout-nfs
    pv-recycler-minimum-timeout-hostpath pv-recycler-minimum-timeout-nfs pv-recycler-pod-template-filepath-hostpath
    pv-recycler-pod-template-filepath-nfs pv-recycler-timeout-increment-hostpath resource-quota-sync-period
    root-ca-file route-reconciliation-period secondary-node-eviction-rate service-account-private-key-file
    service-cluster-ip-range terminated-pod-gc-threshold unhealthy-zone-threshold use-service-account-credentials
    volume-host-allow-local-loopback volume-host-cidr-denylist node-sync-period emulated-version
    concurrent-selinux-warning-syncs concurrent-device-taint-eviction-syncs
  `),
  ),
  changes: [
    ...KLOG_REMOVED,
    {
      name: 'port',
      removedIn: '1.24',
      replacement: '--secure-port',
      source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.24.md',
    },
    {
      name: 'address',
      removedIn: '1.24',
      replacement: '--bind-address',
      source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.24.md',
    },
    {
      name: 'pod-eviction-timeout',
      deprecatedIn: '1.24',
      removedIn: '1.27',
      replacement:
        'taint-based eviction: tolerationSeconds / --default-unreachable-toleration-seconds on kube-apiserver',
      source: 'https://kubernetes.io/blog/2023/03/17/upcoming-changes-in-kubernetes-v1-27/',
    },
    {
      name: 'enable-taint-manager',
      deprecatedIn: '1.27',
      removedIn: '1.29',
      replacement: 'none (taint-based eviction is always on)',
      source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.29.md',
    },
    {
      name: 'experimental-cluster-signing-duration',
      deprecatedIn: '1.19',
      removedIn: '1.25',
      replacement: '--cluster-signing-duration',
      source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.25.md',
    },
    {
      name: 'deleting-pods-qps',
      removedIn: '1.22',
      replacement: 'none',
      source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.22.md',
    },
    {
      name: 'deleting-pods-burst',
      removedIn: '1.22',
      replacement: 'none',
      source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.22.md',
    },
    {
      name: 'register-retry-count',
      removedIn: '1.22',
      replacement: 'none',
      source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.22.md',
    },
  ],
};

/** kube-scheduler flags (reference page SCHED_REF). Most tuning lives in KubeSchedulerConfiguration (`--config`). */
export const SCHEDULER_FLAGS: FlagCatalogue = {
  component: 'kube-scheduler',
  reference: SCHED_REF,
  stable: union(
    COMMON_FLAGS,
    SERVING_FLAGS,
    DELEGATED_AUTH_FLAGS,
    LEADER_ELECTION_FLAGS,
    CLIENT_FLAGS,
    words(
      'config write-config-to lock-object-name lock-object-namespace pod-max-in-unschedulable-pods-duration emulated-version',
    ),
  ),
  changes: [
    ...KLOG_REMOVED,
    ...['policy-config-file', 'policy-configmap', 'policy-configmap-namespace', 'use-legacy-policy-config'].map(
      (name) => ({
        name,
        deprecatedIn: '1.17',
        removedIn: '1.23',
        replacement: 'KubeSchedulerConfiguration profiles (--config)',
        source: 'https://github.com/kubernetes/kubernetes/pull/105424',
      }),
    ),
    {
      name: 'algorithm-provider',
      deprecatedIn: '1.17',
      removedIn: '1.22',
      replacement: 'KubeSchedulerConfiguration plugins',
      source: 'https://github.com/kubernetes/kubernetes/pull/102239',
    },
    {
      name: 'scheduler-name',
      deprecatedIn: '1.19',
      removedIn: '1.22',
      replacement: 'profiles[].schedulerName in KubeSchedulerConfiguration',
      source: 'https://github.com/kubernetes/kubernetes/issues/105202',
    },
    {
      name: 'hard-pod-affinity-symmetric-weight',
      deprecatedIn: '1.19',
      removedIn: '1.22',
      replacement: 'InterPodAffinity plugin args hardPodAffinityWeight',
      source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.22.md',
    },
    {
      name: 'port',
      removedIn: '1.24',
      replacement: '--secure-port',
      source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.24.md',
    },
    {
      name: 'address',
      removedIn: '1.24',
      replacement: '--bind-address',
      source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.24.md',
    },
  ],
};
