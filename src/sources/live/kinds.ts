/**
 * Everything the live source reads from a cluster, as data. The reader walks these tables, and the
 * in-cluster ClusterRole (deploy/) is derived from the same tables (see rbac.ts), so the two cannot drift.
 */

export interface ListKind {
  /** API group; '' is the core group. */
  readonly group: string;
  /** Versions to use, preferred first; the first one the server serves wins. */
  readonly versions: readonly string[];
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** A CRD or aggregated API: when its group is not served the kind is skipped quietly (info diagnostic). */
  readonly optional?: boolean;
  /** One LIST per selector (the API server only supports equality, so "any of" needs several lists). */
  readonly fieldSelectors?: readonly string[];
  /** Why kubetune reads it: shown in docs/live.md and the ClusterRole comment. */
  readonly why: string;
}

/** A single named object read with GET (RBAC `resourceNames` restricts the grant to exactly these). */
export interface NamedObject {
  readonly group: '';
  readonly version: 'v1';
  readonly resource: 'configmaps';
  readonly namespace: string;
  readonly name: string;
  readonly why: string;
}

const W = 'workload checks (resources, probes, scheduling, runtime settings)';

export const LIST_KINDS: readonly ListKind[] = [
  { group: '', versions: ['v1'], resource: 'namespaces', kind: 'Namespace', namespaced: false, why: 'namespace checks, quotas' },
  { group: '', versions: ['v1'], resource: 'nodes', kind: 'Node', namespaced: false, why: 'capacity, allocatable, pools, kubelet sampling' },
  { group: '', versions: ['v1'], resource: 'pods', kind: 'Pod', namespaced: true, why: `${W}; restarts and OOM kills; static control-plane pods` },
  { group: 'apps', versions: ['v1'], resource: 'deployments', kind: 'Deployment', namespaced: true, why: W },
  { group: 'apps', versions: ['v1'], resource: 'statefulsets', kind: 'StatefulSet', namespaced: true, why: W },
  { group: 'apps', versions: ['v1'], resource: 'daemonsets', kind: 'DaemonSet', namespaced: true, why: W },
  { group: 'apps', versions: ['v1'], resource: 'replicasets', kind: 'ReplicaSet', namespaced: true, why: 'owner chain Pod → ReplicaSet → Deployment' },
  { group: 'batch', versions: ['v1'], resource: 'jobs', kind: 'Job', namespaced: true, why: W },
  { group: 'batch', versions: ['v1'], resource: 'cronjobs', kind: 'CronJob', namespaced: true, why: W },
  { group: '', versions: ['v1'], resource: 'services', kind: 'Service', namespaced: true, why: 'service and traffic-policy checks' },
  { group: 'discovery.k8s.io', versions: ['v1'], resource: 'endpointslices', kind: 'EndpointSlice', namespaced: true, why: 'endpoint counts per service' },
  { group: 'networking.k8s.io', versions: ['v1'], resource: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true, why: 'network policy checks' },
  { group: 'storage.k8s.io', versions: ['v1'], resource: 'storageclasses', kind: 'StorageClass', namespaced: false, why: 'storage checks' },
  { group: '', versions: ['v1'], resource: 'persistentvolumes', kind: 'PersistentVolume', namespaced: false, why: 'storage checks' },
  { group: '', versions: ['v1'], resource: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', namespaced: true, why: 'storage checks' },
  { group: 'autoscaling', versions: ['v2'], resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true, why: 'autoscaling checks' },
  { group: 'policy', versions: ['v1'], resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true, why: 'disruption checks' },
  { group: 'scheduling.k8s.io', versions: ['v1'], resource: 'priorityclasses', kind: 'PriorityClass', namespaced: false, why: 'priority and preemption checks' },
  { group: '', versions: ['v1'], resource: 'limitranges', kind: 'LimitRange', namespaced: true, why: 'defaults applied to containers' },
  { group: '', versions: ['v1'], resource: 'resourcequotas', kind: 'ResourceQuota', namespaced: true, why: 'quota checks' },
  {
    group: '',
    versions: ['v1'],
    resource: 'events',
    kind: 'Event',
    namespaced: true,
    fieldSelectors: ['reason=OOMKilling', 'reason=FailedScheduling', 'reason=Evicted'],
    why: 'recent OOM kills, scheduling failures and evictions',
  },
  { group: 'flowcontrol.apiserver.k8s.io', versions: ['v1', 'v1beta3'], resource: 'flowschemas', kind: 'FlowSchema', namespaced: false, optional: true, why: 'API priority and fairness' },
  {
    group: 'flowcontrol.apiserver.k8s.io',
    versions: ['v1', 'v1beta3'],
    resource: 'prioritylevelconfigurations',
    kind: 'PriorityLevelConfiguration',
    namespaced: false,
    optional: true,
    why: 'API priority and fairness',
  },
  {
    group: 'admissionregistration.k8s.io',
    versions: ['v1'],
    resource: 'validatingwebhookconfigurations',
    kind: 'ValidatingWebhookConfiguration',
    namespaced: false,
    why: 'webhook timeouts add to API latency',
  },
  {
    group: 'admissionregistration.k8s.io',
    versions: ['v1'],
    resource: 'mutatingwebhookconfigurations',
    kind: 'MutatingWebhookConfiguration',
    namespaced: false,
    why: 'webhook timeouts add to API latency',
  },
  { group: 'autoscaling.k8s.io', versions: ['v1'], resource: 'verticalpodautoscalers', kind: 'VerticalPodAutoscaler', namespaced: true, optional: true, why: 'VPA/HPA conflicts, rightsizing' },
  { group: 'monitoring.coreos.com', versions: ['v1'], resource: 'prometheusrules', kind: 'PrometheusRule', namespaced: true, optional: true, why: 'PromQL checks' },
  { group: 'monitoring.coreos.com', versions: ['v1'], resource: 'servicemonitors', kind: 'ServiceMonitor', namespaced: true, optional: true, why: 'scrape interval checks' },
  { group: 'monitoring.coreos.com', versions: ['v1'], resource: 'podmonitors', kind: 'PodMonitor', namespaced: true, optional: true, why: 'scrape interval checks' },
  { group: 'metrics.k8s.io', versions: ['v1beta1'], resource: 'nodes', kind: 'NodeMetrics', namespaced: false, optional: true, why: 'current node usage (metrics-server)' },
  { group: 'metrics.k8s.io', versions: ['v1beta1'], resource: 'pods', kind: 'PodMetrics', namespaced: true, optional: true, why: 'current pod usage (metrics-server)' },
  { group: 'crd.projectcalico.org', versions: ['v1'], resource: 'felixconfigurations', kind: 'FelixConfiguration', namespaced: false, optional: true, why: 'Calico dataplane settings' },
];

/** Component configuration kept in well-known ConfigMaps (read with GET; absent ones are skipped quietly). */
export const NAMED_OBJECTS: readonly NamedObject[] = [
  { group: '', version: 'v1', resource: 'configmaps', namespace: 'kube-system', name: 'cilium-config', why: 'Cilium datapath settings' },
  { group: '', version: 'v1', resource: 'configmaps', namespace: 'kube-system', name: 'kube-proxy', why: 'KubeProxyConfiguration' },
  { group: '', version: 'v1', resource: 'configmaps', namespace: 'kube-system', name: 'kubeadm-config', why: 'kubeadm ClusterConfiguration (control-plane flags)' },
  { group: '', version: 'v1', resource: 'configmaps', namespace: 'kube-system', name: 'kubelet-config', why: 'cluster-wide KubeletConfiguration' },
  { group: '', version: 'v1', resource: 'configmaps', namespace: 'kube-system', name: 'coredns', why: 'CoreDNS Corefile (cache, forward)' },
];

/** Other reads: subresources and API-server endpoints that are not object lists. */
export const EXTRA_READS = {
  /**
   * `get` on nodes/proxy is not read-only: WebSocket upgrades to the kubelet's /exec are authorized as `get`
   * (kubernetes/website#54191, kubernetes/kubernetes#136550). The ClusterRole grants it only when asked to.
   */
  kubeletConfigz: { group: '', resource: 'nodes/proxy', verbs: ['get'], why: 'kubelet configuration via /api/v1/nodes/{name}/proxy/configz (opt-in: not read-only)' },
  nonResourceUrls: {
    urls: ['/apis', '/metrics', '/version'],
    verbs: ['get'],
    why: 'deprecated API usage and request latency (/metrics); discovery and version',
  },
} as const;

/** Never read, whatever the flags: asserted by tests against both the reader and the ClusterRole. */
export const NEVER_READ: readonly string[] = ['secrets'];

/** Path of a collection, cluster-wide or in one namespace. */
export function collectionPath(k: { group: string; resource: string; namespaced: boolean }, version: string, namespace?: string): string {
  const base = k.group === '' ? `/api/${version}` : `/apis/${k.group}/${version}`;
  return k.namespaced && namespace !== undefined ? `${base}/namespaces/${encodeURIComponent(namespace)}/${k.resource}` : `${base}/${k.resource}`;
}

export const apiVersionOf = (group: string, version: string): string => (group === '' ? version : `${group}/${version}`);
