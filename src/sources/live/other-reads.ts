/** What the live source reads besides object lists: named ConfigMaps, subresources, API-server endpoints. */

/** A single named object read with GET (RBAC `resourceNames` restricts the grant to exactly these). */
export interface NamedObject {
  readonly group: '';
  readonly version: 'v1';
  readonly resource: 'configmaps';
  readonly namespace: string;
  readonly name: string;
  readonly why: string;
}

/** Component configuration kept in well-known ConfigMaps (read with GET; absent ones are skipped quietly). */
export const NAMED_OBJECTS: readonly NamedObject[] = [
  {
    group: '',
    version: 'v1',
    resource: 'configmaps',
    namespace: 'kube-system',
    name: 'cilium-config',
    why: 'Cilium datapath settings',
  },
  {
    group: '',
    version: 'v1',
    resource: 'configmaps',
    namespace: 'kube-system',
    name: 'kube-proxy',
    why: 'KubeProxyConfiguration',
  },
  {
    group: '',
    version: 'v1',
    resource: 'configmaps',
    namespace: 'kube-system',
    name: 'kubeadm-config',
    why: 'kubeadm ClusterConfiguration (control-plane flags)',
  },
  {
    group: '',
    version: 'v1',
    resource: 'configmaps',
    namespace: 'kube-system',
    name: 'kubelet-config',
    why: 'cluster-wide KubeletConfiguration',
  },
  {
    group: '',
    version: 'v1',
    resource: 'configmaps',
    namespace: 'kube-system',
    name: 'coredns',
    why: 'CoreDNS Corefile (cache, forward)',
  },
];

/** Other reads: subresources and API-server endpoints that are not object lists. */
export const EXTRA_READS = {
  /**
   * `get` on nodes/proxy is not read-only: WebSocket upgrades to the kubelet's /exec are authorized as `get`
   * (kubernetes/website#54191, kubernetes/kubernetes#136550). The ClusterRole grants it only when asked to.
   */
  kubeletConfigz: {
    group: '',
    resource: 'nodes/proxy',
    verbs: ['get'],
    why: 'kubelet configuration via /api/v1/nodes/{name}/proxy/configz (opt-in: not read-only)',
  },
  nonResourceUrls: {
    urls: ['/apis', '/metrics', '/version'],
    verbs: ['get'],
    why: 'deprecated API usage and request latency (/metrics); discovery and version',
  },
} as const;

/** Never read, whatever the flags: asserted by tests against both the reader and the ClusterRole. */
export const NEVER_READ: readonly string[] = ['secrets'];
