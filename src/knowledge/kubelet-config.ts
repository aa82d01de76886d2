import { compareVersions, parseKubeVersion, type KubeVersion } from '../core/version.js';

/**
 * KubeletConfiguration (kubelet.config.k8s.io/v1beta1) fields and defaults per release.
 * Source: https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/ of each release and the changelogs cited.
 * Only top-level fields are listed; nested structures (evictionHard, logging...) are maps the kubelet validates itself.
 */
export const KUBELET_CONFIG_DOCS = 'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/';

export interface ConfigField {
  readonly name: string;
  /** Default applied by the component when unset (as written in YAML); absent when there is none. */
  readonly default?: unknown;
  /** Default changes: [release, value] pairs, oldest first (the `default` is the value before the first). */
  readonly defaultChanges?: readonly (readonly [string, unknown])[];
  readonly since?: string;
  readonly deprecatedIn?: string;
  readonly removedIn?: string;
  readonly replacement?: string;
  readonly source?: string;
}

const f = (name: string, def?: unknown, extra: Omit<ConfigField, 'name' | 'default'> = {}): ConfigField => ({
  name,
  ...(def !== undefined ? { default: def } : {}),
  ...extra,
});

const CL = (minor: number) => `https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.${minor}.md`;

export const KUBELET_CONFIG_FIELDS: readonly ConfigField[] = [
  ...[
    'apiVersion',
    'kind',
    'enableServer',
    'staticPodPath',
    'podLogsDir',
    'syncFrequency',
    'fileCheckFrequency',
    'httpCheckFrequency',
    'staticPodURL',
    'staticPodURLHeader',
    'address',
    'port',
    'readOnlyPort',
    'tlsCertFile',
    'tlsPrivateKeyFile',
    'tlsCipherSuites',
    'tlsMinVersion',
    'rotateCertificates',
    'serverTLSBootstrap',
    'authentication',
    'authorization',
    'registryPullQPS',
    'registryBurst',
    'enableDebuggingHandlers',
    'enableContentionProfiling',
    'healthzPort',
    'healthzBindAddress',
    'oomScoreAdj',
    'clusterDomain',
    'clusterDNS',
    'streamingConnectionIdleTimeout',
    'nodeStatusUpdateFrequency',
    'nodeStatusReportFrequency',
    'nodeLeaseDurationSeconds',
    'imageMinimumGCAge',
    'volumeStatsAggPeriod',
    'kubeletCgroups',
    'systemCgroups',
    'cgroupRoot',
    'cgroupsPerQOS',
    'cgroupDriver',
    'cpuManagerPolicy',
    'cpuManagerPolicyOptions',
    'cpuManagerReconcilePeriod',
    'memoryManagerPolicy',
    'topologyManagerPolicy',
    'topologyManagerScope',
    'topologyManagerPolicyOptions',
    'qosReserved',
    'runtimeRequestTimeout',
    'hairpinMode',
    'podCIDR',
    'podPidsLimit',
    'resolvConf',
    'runOnce',
    'cpuCFSQuota',
    'cpuCFSQuotaPeriod',
    'nodeStatusMaxImages',
    'maxOpenFiles',
    'contentType',
    'kubeAPIQPS',
    'kubeAPIBurst',
    'evictionSoft',
    'evictionSoftGracePeriod',
    'evictionPressureTransitionPeriod',
    'evictionMaxPodGracePeriod',
    'evictionMinimumReclaim',
    'enableControllerAttachDetach',
    'protectKernelDefaults',
    'makeIPTablesUtilChains',
    'iptablesMasqueradeBit',
    'iptablesDropBit',
    'featureGates',
    'failSwapOn',
    'memorySwap',
    'containerLogMaxSize',
    'containerLogMaxFiles',
    'configMapAndSecretChangeDetectionStrategy',
    'systemReserved',
    'kubeReserved',
    'reservedSystemCPUs',
    'showHiddenMetricsForVersion',
    'systemReservedCgroup',
    'kubeReservedCgroup',
    'enforceNodeAllocatable',
    'allowedUnsafeSysctls',
    'volumePluginDir',
    'providerID',
    'kernelMemcgNotification',
    'logging',
    'enableSystemLogHandler',
    'enableSystemLogQuery',
    'shutdownGracePeriod',
    'shutdownGracePeriodCriticalPods',
    'shutdownGracePeriodByPodPriority',
    'reservedMemory',
    'enableProfilingHandler',
    'enableDebugFlagsHandler',
    'seccompDefault',
    'memoryThrottlingFactor',
    'registerWithTaints',
    'registerNode',
    'tracing',
    'localStorageCapacityIsolation',
    'imageGCHighThresholdPercent',
    'imageGCLowThresholdPercent',
    'evictionHard',
    'podsPerCore',
    'maxPods',
    'serializeImagePulls',
    'eventRecordQPS',
    'eventBurst',
  ].map((n) => f(n)),
  f('containerRuntimeEndpoint', undefined, { since: '1.27', source: CL(27) }),
  f('imageServiceEndpoint', undefined, { since: '1.27', source: CL(27) }),
  f('maxParallelImagePulls', undefined, { since: '1.27', source: CL(27) }),
  f('imageMaximumGCAge', undefined, { since: '1.29', source: CL(29) }),
  f('containerLogMaxWorkers', 1, { since: '1.30', source: CL(30) }),
  f('containerLogMonitorInterval', '10s', { since: '1.30', source: CL(30) }),
  f('failCgroupV1', false, { since: '1.31', source: CL(31) }),
  f('singleProcessOOMKill', undefined, { since: '1.32', source: CL(32) }),
  f('crashLoopBackOff', undefined, { since: '1.32', source: CL(32) }),
  f('imagePullCredentialsVerificationPolicy', undefined, { since: '1.33', source: CL(33) }),
  f('preloadedImagesVerificationAllowlist', undefined, { since: '1.33', source: CL(33) }),
  f('userNamespaces', undefined, { since: '1.30', source: CL(30) }),
  f('mergeDefaultEvictionSettings', false, { since: '1.34', source: CL(34) }),
];

/** Defaults the rules and the plan generator rely on. */
export const KUBELET_DEFAULTS = {
  maxPods: 110,
  podsPerCore: 0,
  serializeImagePulls: true,
  imageGCHighThresholdPercent: 85,
  imageGCLowThresholdPercent: 80,
  containerLogMaxSize: '10Mi',
  containerLogMaxFiles: 5,
  cpuManagerPolicy: 'none',
  cgroupDriver: 'cgroupfs',
  /** Linux defaults of evictionHard (applied only when evictionHard is unset). */
  evictionHard: {
    'memory.available': '100Mi',
    'nodefs.available': '10%',
    'nodefs.inodesFree': '5%',
    'imagefs.available': '15%',
  },
} as const;

/** kubeAPIQPS / kubeAPIBurst / eventRecordQPS / eventBurst defaults were raised in 1.27 (KEP-1040 follow-up, PR #116121). */
export function kubeletClientDefaults(v: KubeVersion): { kubeAPIQPS: number; kubeAPIBurst: number } {
  const raised = compareVersions(v, parseKubeVersion('1.27')!) >= 0;
  return raised ? { kubeAPIQPS: 50, kubeAPIBurst: 100 } : { kubeAPIQPS: 5, kubeAPIBurst: 10 };
}

const reached = (v: KubeVersion, release: string | undefined): boolean => {
  const r = release === undefined ? undefined : parseKubeVersion(release);
  return r !== undefined && compareVersions({ ...v, patch: 0 }, { ...r, patch: 0 }) >= 0;
};

export type FieldState = 'valid' | 'deprecated' | 'removed' | 'not-yet' | 'unknown';

/** Whether a top-level field of a component config is known in release `v`. */
export function configFieldState(
  fields: readonly ConfigField[],
  name: string,
  v: KubeVersion,
): { state: FieldState; field?: ConfigField } {
  const field = fields.find((x) => x.name === name);
  if (!field) return { state: 'unknown' };
  if (field.since !== undefined && !reached(v, field.since)) return { state: 'not-yet', field };
  if (reached(v, field.removedIn)) return { state: 'removed', field };
  return { state: reached(v, field.deprecatedIn) ? 'deprecated' : 'valid', field };
}
