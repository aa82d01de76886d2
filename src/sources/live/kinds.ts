/**
 * Everything the live source lists from a cluster, as data. The reader walks this table, and the in-cluster
 * ClusterRole (deploy/) is generated from it (see rbac.ts), so the two cannot drift.
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

interface KindOptions {
  readonly cluster?: boolean;
  readonly optional?: boolean;
  readonly fieldSelectors?: readonly string[];
}

/** One row: `group/version` (or several, preferred first), plural resource, kind, why, options. */
// eslint-disable-next-line max-params -- a table row reads best positionally
function k(gv: string | readonly string[], resource: string, kind: string, why: string, o: KindOptions = {}): ListKind {
  const gvs = typeof gv === 'string' ? [gv] : gv;
  const group = gvs[0]?.includes('/') ? (gvs[0].split('/')[0] ?? '') : '';
  const versions = gvs.map((x) => x.split('/').at(-1) ?? x);
  return {
    group,
    versions,
    resource,
    kind,
    namespaced: !o.cluster,
    why,
    ...(o.optional ? CRD : {}),
    ...(o.fieldSelectors ? { fieldSelectors: o.fieldSelectors } : {}),
  };
}

const W = 'workload checks (resources, probes, scheduling, runtime settings)';
const STORAGE = 'storage checks';
const APF = 'API priority and fairness';
const HOOKS = 'webhook timeouts add to API latency';
const FC = ['flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta3'];
const ADM = 'admissionregistration.k8s.io/v1';
const CRD: KindOptions = { optional: true };
const CLUSTER_CRD: KindOptions = { cluster: true, optional: true };
const EVENTS = ['reason=OOMKilling', 'reason=FailedScheduling', 'reason=Evicted'];

// prettier-ignore
export const LIST_KINDS: readonly ListKind[] = [
  k('v1', 'namespaces', 'Namespace', 'namespace checks, quotas', { cluster: true }),
  k('v1', 'nodes', 'Node', 'capacity, allocatable, pools, kubelet sampling', { cluster: true }),
  k('v1', 'pods', 'Pod', `${W}; restarts and OOM kills; static control-plane pods`),
  k('apps/v1', 'deployments', 'Deployment', W),
  k('apps/v1', 'statefulsets', 'StatefulSet', W),
  k('apps/v1', 'daemonsets', 'DaemonSet', W),
  k('apps/v1', 'replicasets', 'ReplicaSet', 'owner chain Pod → ReplicaSet → Deployment'),
  k('batch/v1', 'jobs', 'Job', W),
  k('batch/v1', 'cronjobs', 'CronJob', W),
  k('v1', 'services', 'Service', 'service and traffic-policy checks'),
  k('discovery.k8s.io/v1', 'endpointslices', 'EndpointSlice', 'endpoint counts per service'),
  k('networking.k8s.io/v1', 'networkpolicies', 'NetworkPolicy', 'network policy checks'),
  k('storage.k8s.io/v1', 'storageclasses', 'StorageClass', STORAGE, { cluster: true }),
  k('v1', 'persistentvolumes', 'PersistentVolume', STORAGE, { cluster: true }),
  k('v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', STORAGE),
  k('autoscaling/v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', 'autoscaling checks'),
  k('policy/v1', 'poddisruptionbudgets', 'PodDisruptionBudget', 'disruption checks'),
  k('scheduling.k8s.io/v1', 'priorityclasses', 'PriorityClass', 'priority and preemption checks', { cluster: true }),
  k('v1', 'limitranges', 'LimitRange', 'defaults applied to containers'),
  k('v1', 'resourcequotas', 'ResourceQuota', 'quota checks'),
  k('v1', 'events', 'Event', 'recent OOM kills, scheduling failures and evictions', { fieldSelectors: EVENTS }),
  k(FC, 'flowschemas', 'FlowSchema', APF, CLUSTER_CRD),
  k(FC, 'prioritylevelconfigurations', 'PriorityLevelConfiguration', APF, CLUSTER_CRD),
  k(ADM, 'validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', HOOKS, { cluster: true }),
  k(ADM, 'mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', HOOKS, { cluster: true }),
  k('autoscaling.k8s.io/v1', 'verticalpodautoscalers', 'VerticalPodAutoscaler', 'VPA/HPA conflicts, rightsizing', CRD),
  k('monitoring.coreos.com/v1', 'prometheusrules', 'PrometheusRule', 'PromQL checks', CRD),
  k('monitoring.coreos.com/v1', 'servicemonitors', 'ServiceMonitor', 'scrape interval checks', CRD),
  k('monitoring.coreos.com/v1', 'podmonitors', 'PodMonitor', 'scrape interval checks', CRD),
  k('metrics.k8s.io/v1beta1', 'nodes', 'NodeMetrics', 'current node usage (metrics-server)', CLUSTER_CRD),
  k('metrics.k8s.io/v1beta1', 'pods', 'PodMetrics', 'current pod usage (metrics-server)', CRD),
  k('crd.projectcalico.org/v1', 'felixconfigurations', 'FelixConfiguration', 'Calico dataplane settings', CLUSTER_CRD),
];

/** Path of a collection, cluster-wide or in one namespace. */
export function collectionPath(
  k: { group: string; resource: string; namespaced: boolean },
  version: string,
  namespace?: string,
): string {
  const base = k.group === '' ? `/api/${version}` : `/apis/${k.group}/${version}`;
  return k.namespaced && namespace !== undefined
    ? `${base}/namespaces/${encodeURIComponent(namespace)}/${k.resource}`
    : `${base}/${k.resource}`;
}

export const apiVersionOf = (group: string, version: string): string =>
  group === '' ? version : `${group}/${version}`;
