import { compareVersions, parseKubeVersion, type KubeVersion } from '../core/version.js';
import type { ConfigField } from './kubelet-config.js';

/**
 * KubeProxyConfiguration (kubeproxy.config.k8s.io/v1alpha1) fields and proxy modes per release.
 * Sources: https://kubernetes.io/docs/reference/config-api/kube-proxy-config.v1alpha1/,
 * https://kubernetes.io/docs/reference/networking/virtual-ips/ (modes), KEP-3866 (nftables), KEP-5495 (ipvs deprecation).
 */
export const KUBE_PROXY_CONFIG_DOCS = 'https://kubernetes.io/docs/reference/config-api/kube-proxy-config.v1alpha1/';

export const KUBE_PROXY_CONFIG_FIELDS: readonly ConfigField[] = [
  ...[
    'apiVersion',
    'kind',
    'featureGates',
    'clientConnection',
    'hostnameOverride',
    'bindAddress',
    'healthzBindAddress',
    'metricsBindAddress',
    'bindAddressHardFail',
    'enableProfiling',
    'showHiddenMetricsForVersion',
    'mode',
    'iptables',
    'ipvs',
    'winkernel',
    'detectLocalMode',
    'detectLocal',
    'clusterCIDR',
    'nodePortAddresses',
    'oomScoreAdj',
    'conntrack',
    'configSyncPeriod',
    'portRange',
    'logging',
  ].map((name) => ({ name })),
  {
    name: 'nftables',
    since: '1.29',
    source: 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/3866-nftables-proxy',
  },
  { name: 'linux', since: '1.31', source: KUBE_PROXY_CONFIG_DOCS },
  { name: 'windows', since: '1.31', source: KUBE_PROXY_CONFIG_DOCS },
  { name: 'syncPeriod', since: '1.31', source: KUBE_PROXY_CONFIG_DOCS },
  { name: 'minSyncPeriod', since: '1.31', source: KUBE_PROXY_CONFIG_DOCS },
  {
    name: 'udpIdleTimeout',
    removedIn: '1.26',
    replacement: 'none (userspace mode removed)',
    source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.26.md',
  },
];

export interface ProxyModeFact {
  readonly mode: string;
  readonly since?: string;
  readonly beta?: string;
  readonly ga?: string;
  readonly deprecatedIn?: string;
  readonly removedIn?: string;
  readonly source: string;
}

export const PROXY_MODES: readonly ProxyModeFact[] = [
  { mode: 'iptables', source: 'https://kubernetes.io/docs/reference/networking/virtual-ips/' },
  {
    mode: 'ipvs',
    deprecatedIn: '1.35',
    source:
      'https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/5495-deprecate-ipvs-mode-in-kube-proxy',
  },
  {
    mode: 'nftables',
    since: '1.29',
    ga: '1.33',
    source: 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/3866-nftables-proxy',
  },
  {
    mode: 'userspace',
    removedIn: '1.26',
    source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.26.md',
  },
  { mode: 'kernelspace', source: 'https://kubernetes.io/docs/reference/networking/virtual-ips/' },
];

/** Service count above which iptables mode's O(n) rule walks show in latency (EKS/KEP-3866 guidance: ~1000). */
export const IPTABLES_SERVICE_LIMIT = 1000;

const reached = (v: KubeVersion, release: string | undefined): boolean => {
  const r = release === undefined ? undefined : parseKubeVersion(release);
  return r !== undefined && compareVersions({ ...v, patch: 0 }, { ...r, patch: 0 }) >= 0;
};

export type ModeState = 'valid' | 'alpha' | 'beta' | 'deprecated' | 'removed' | 'not-yet' | 'unknown';

export function proxyModeState(mode: string, v: KubeVersion): { state: ModeState; fact?: ProxyModeFact } {
  const fact = PROXY_MODES.find((m) => m.mode === mode);
  if (!fact) return { state: 'unknown' };
  if (fact.since !== undefined && !reached(v, fact.since)) return { state: 'not-yet', fact };
  if (reached(v, fact.removedIn)) return { state: 'removed', fact };
  if (reached(v, fact.deprecatedIn)) return { state: 'deprecated', fact };
  if (fact.ga !== undefined && !reached(v, fact.ga))
    return { state: compareVersions(v, parseKubeVersion('1.31')!) >= 0 ? 'beta' : 'alpha', fact };
  return { state: 'valid', fact };
}

/** kube-proxy conntrack defaults (KubeProxyConntrackConfiguration). */
export const CONNTRACK_DEFAULTS = {
  maxPerCore: 32768,
  min: 131072,
  tcpEstablishedTimeout: '24h',
  tcpCloseWaitTimeout: '1h',
} as const;
