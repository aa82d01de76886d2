/** Types shared by the component flag catalogues (`flags-*.ts`). */
export const COMPONENT_NAMES = [
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kubelet',
  'kube-proxy',
  'etcd',
] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];
export const isComponentName = (s: string): s is ComponentName => (COMPONENT_NAMES as readonly string[]).includes(s);

/** A flag whose validity changes inside (or before) the supported range. */
export interface FlagChange {
  readonly name: string;
  /** First Kubernetes release that accepts it (omit when older than 1.25). */
  readonly since?: string;
  /** First release that prints a deprecation warning for it. */
  readonly deprecatedIn?: string;
  /** First release that refuses to start with it ("unknown flag"). */
  readonly removedIn?: string;
  /** What to use instead (a flag, a config-file field, or prose). */
  readonly replacement?: string;
  readonly source: string;
}

/** One component's catalogue: flags valid through the whole 1.25-1.35 range plus versioned changes. */
export interface FlagCatalogue {
  readonly component: ComponentName;
  /** Reference page of the component's flags. */
  readonly reference: string;
  readonly stable: ReadonlySet<string>;
  readonly changes: readonly FlagChange[];
}

/** Splits a whitespace-separated list of flag names (keeps the data files dense and greppable). */
export const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** klog flags removed from every Kubernetes component (KEP-2845). */
const KLOG_KEP =
  'https://github.com/kubernetes/enhancements/tree/master/keps/sig-instrumentation/2845-deprecate-klog-specific-flags-in-k8s-components';
export const KLOG_REMOVED: readonly FlagChange[] = [
  'log-dir log-file log-file-max-size logtostderr alsologtostderr one-output skip-headers skip-log-headers stderrthreshold add-dir-header log-backtrace-at',
]
  .flatMap((s) => [...words(s)])
  .map((name) => ({
    name,
    deprecatedIn: '1.23',
    removedIn: '1.26',
    replacement: 'structured logging to stderr (--logging-format, -v)',
    source: KLOG_KEP,
  }));

/** Flags every Kubernetes component binary accepts (component-base logs, feature gates, version, metrics). */
export const COMMON_FLAGS = words(`
  help h version v vmodule log-flush-frequency logging-format log-json-info-buffer-size log-json-split-stream
  log-text-info-buffer-size log-text-split-stream feature-gates show-hidden-metrics-for-version allow-metric-labels
  allow-metric-labels-manifest disabled-metrics
`);

/** Secure serving and delegated authn/authz of kube-controller-manager and kube-scheduler (and the API server's serving). */
export const SERVING_FLAGS = words(`
  bind-address secure-port cert-dir tls-cert-file tls-private-key-file tls-cipher-suites tls-min-version tls-sni-cert-key
  http2-max-streams-per-connection permit-port-sharing permit-address-sharing client-ca-file
  requestheader-allowed-names requestheader-client-ca-file requestheader-extra-headers-prefix requestheader-group-headers
  requestheader-username-headers
`);

export const DELEGATED_AUTH_FLAGS = words(`
  authentication-kubeconfig authentication-skip-lookup authentication-token-webhook-cache-ttl
  authentication-tolerate-lookup-failure authorization-always-allow-paths authorization-kubeconfig
  authorization-webhook-cache-authorized-ttl authorization-webhook-cache-unauthorized-ttl
`);

export const LEADER_ELECTION_FLAGS = words(`
  leader-elect leader-elect-lease-duration leader-elect-renew-deadline leader-elect-resource-lock leader-elect-resource-name
  leader-elect-resource-namespace leader-elect-retry-period
`);

export const CLIENT_FLAGS = words(
  'kubeconfig master kube-api-qps kube-api-burst kube-api-content-type profiling contention-profiling',
);

export const union = (...sets: readonly ReadonlySet<string>[]): ReadonlySet<string> =>
  new Set(sets.flatMap((s) => [...s]));
