import { compareVersions, parseKubeVersion, type KubeVersion } from '../core/version.js';

/**
 * Linux sysctls as Kubernetes sees them.
 * - `safe`: namespaced and in the kubelet's safe set (allowed in a pod's securityContext.sysctls by default).
 * - `unsafe`: namespaced, so a pod may set it, but only on nodes whose kubelet lists it in `allowedUnsafeSysctls`.
 * - `node`: not namespaced; a pod can never set it (the pod is rejected by the kubelet: SysctlForbidden).
 *   It belongs in the node's sysctl.d.
 * Sources: https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/ (safe set and namespaced groups),
 * https://kubernetes.io/docs/reference/node/kernel-version-requirements/#pod-sysctls (kernel minimums and since-versions),
 * kubelet `pkg/kubelet/sysctl/safe_sysctls.go`.
 */
export type SysctlClass = 'safe' | 'unsafe' | 'node';

export const SYSCTL_DOCS = 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/';
const KERNEL_REQS = 'https://kubernetes.io/docs/reference/node/kernel-version-requirements/#pod-sysctls';

export interface SafeSysctl {
  readonly name: string;
  /** Kubernetes release that added it to the safe set (`1.0` = always). */
  readonly since: string;
  /** Minimum Linux kernel for the kubelet to keep it in the safe set. */
  readonly minKernel?: string;
  readonly source: string;
}

export const SAFE_SYSCTLS: readonly SafeSysctl[] = [
  { name: 'kernel.shm_rmid_forced', since: '1.0', source: SYSCTL_DOCS },
  { name: 'net.ipv4.ip_local_port_range', since: '1.0', source: SYSCTL_DOCS },
  { name: 'net.ipv4.tcp_syncookies', since: '1.0', minKernel: '4.6', source: KERNEL_REQS },
  { name: 'net.ipv4.ping_group_range', since: '1.18', source: SYSCTL_DOCS },
  { name: 'net.ipv4.ip_unprivileged_port_start', since: '1.22', source: SYSCTL_DOCS },
  { name: 'net.ipv4.ip_local_reserved_ports', since: '1.27', minKernel: '3.16', source: KERNEL_REQS },
  { name: 'net.ipv4.tcp_keepalive_time', since: '1.29', minKernel: '4.5', source: KERNEL_REQS },
  { name: 'net.ipv4.tcp_fin_timeout', since: '1.29', minKernel: '4.6', source: KERNEL_REQS },
  { name: 'net.ipv4.tcp_keepalive_intvl', since: '1.29', minKernel: '4.5', source: KERNEL_REQS },
  { name: 'net.ipv4.tcp_keepalive_probes', since: '1.29', minKernel: '4.5', source: KERNEL_REQS },
  { name: 'net.ipv4.tcp_rmem', since: '1.32', minKernel: '4.15', source: KERNEL_REQS },
  { name: 'net.ipv4.tcp_wmem', since: '1.32', minKernel: '4.15', source: KERNEL_REQS },
];

/** Namespaced groups (docs: "kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*, the parameters under net.*"). */
const NAMESPACED = [/^kernel\.shm/, /^kernel\.msg/, /^kernel\.sem$/, /^fs\.mqueue\./, /^net\./];

/**
 * `net.*` keys that stay global (init network namespace only): a pod cannot set them.
 * Source: Linux `net/core/sysctl_net_core.c` (net_core_table vs netns_core_table) and `net/ipv4/sysctl_net_ipv4.c`
 * (ipv4_table vs ipv4_net_table); nf_conntrack_max is writable in a child netns only since Linux 5.12.
 */
export const NODE_ONLY_NET_SYSCTLS: ReadonlySet<string> = new Set([
  'net.core.netdev_max_backlog',
  'net.core.netdev_budget',
  'net.core.netdev_budget_usecs',
  'net.core.rmem_max',
  'net.core.wmem_max',
  'net.core.rmem_default',
  'net.core.wmem_default',
  'net.core.optmem_max',
  'net.core.busy_poll',
  'net.core.busy_read',
  'net.core.default_qdisc',
  'net.core.dev_weight',
  'net.ipv4.tcp_mem',
  'net.ipv4.udp_mem',
  'net.ipv4.tcp_max_orphans',
  'net.ipv4.route.max_size',
  'net.netfilter.nf_conntrack_max',
  'net.nf_conntrack_max',
  'net.netfilter.nf_conntrack_buckets',
  'net.netfilter.nf_conntrack_expect_max',
]);

const reached = (v: KubeVersion, release: string): boolean => {
  const r = parseKubeVersion(release);
  return r !== undefined && compareVersions({ ...v, patch: 0 }, { ...r, patch: 0 }) >= 0;
};

/** Normalises `net/ipv4/tcp_rmem` (slash form, accepted by the kubelet) to `net.ipv4.tcp_rmem`. */
export const normalizeSysctl = (name: string): string => (name.includes('/') ? name.replace(/\//g, '.') : name);

/** How Kubernetes `kubeVersion` classifies a sysctl a pod asks for. */
export function classifySysctl(name: string, kubeVersion: KubeVersion): SysctlClass {
  const n = normalizeSysctl(name);
  const safe = SAFE_SYSCTLS.find((s) => s.name === n);
  if (safe && reached(kubeVersion, safe.since)) return 'safe';
  if (NODE_ONLY_NET_SYSCTLS.has(n)) return 'node';
  return NAMESPACED.some((re) => re.test(n)) ? 'unsafe' : 'node';
}

/** The safe set of a release (names). */
export const safeSysctls = (kubeVersion: KubeVersion): readonly string[] =>
  SAFE_SYSCTLS.filter((s) => reached(kubeVersion, s.since)).map((s) => s.name);

/** Node-level tuning from GUIDE.md section 8, as recommended ranges. */
export interface SysctlRecommendation {
  readonly name: string;
  /** Lowest acceptable value (numeric sysctls). */
  readonly min?: number;
  readonly max?: number;
  /** Exact value expected (string sysctls such as the congestion control). */
  readonly equals?: string;
  /** The value kubetune writes in generated sysctl.d files. */
  readonly recommended: string;
  readonly why: string;
}

export const GUIDE_SYSCTLS: readonly SysctlRecommendation[] = [
  {
    name: 'net.core.somaxconn',
    min: 32768,
    max: 65535,
    recommended: '32768',
    why: 'accept backlog for busy listeners',
  },
  {
    name: 'net.core.netdev_max_backlog',
    min: 16384,
    recommended: '16384',
    why: 'packets queued when the NIC outpaces the kernel',
  },
  {
    name: 'net.ipv4.tcp_tw_reuse',
    equals: '1',
    recommended: '1',
    why: 'reuse TIME_WAIT sockets for new outbound connections',
  },
  { name: 'net.ipv4.tcp_fin_timeout', max: 30, recommended: '30', why: 'free FIN_WAIT2 sockets sooner' },
  {
    name: 'net.ipv4.tcp_keepalive_time',
    max: 600,
    recommended: '600',
    why: 'detect dead peers before idle-timeouts of load balancers (often 350-600 s)',
  },
  {
    name: 'net.ipv4.tcp_congestion_control',
    equals: 'bbr',
    recommended: 'bbr',
    why: 'throughput and latency on lossy, long paths',
  },
  { name: 'vm.swappiness', max: 1, recommended: '1', why: 'keep pages of latency-sensitive processes in RAM' },
  { name: 'vm.dirty_ratio', min: 10, max: 15, recommended: '10', why: 'bound write-back bursts' },
  { name: 'vm.dirty_background_ratio', max: 5, recommended: '5', why: 'start write-back early' },
  { name: 'fs.file-max', min: 2097152, recommended: '2097152', why: 'open files across all pods on the node' },
  {
    name: 'fs.inotify.max_user_watches',
    min: 1048576,
    recommended: '1048576',
    why: 'file watchers of many pods (kubelet, log shippers, dev servers)',
  },
  {
    name: 'fs.inotify.max_user_instances',
    min: 8192,
    recommended: '8192',
    why: 'inotify instances per user across containers',
  },
  {
    name: 'vm.max_map_count',
    min: 262144,
    recommended: '262144',
    why: 'Elasticsearch/OpenSearch and JVMs with many mappings',
  },
];
export const GUIDE_SYSCTLS_SOURCE = 'GUIDE.md section 8 (kernel sysctls)';
