/** The component defaults each rule falls back to, as docs and `kubetune explain` print them. */
import {
  APISERVER_DEFAULTS,
  CONTROLLER_MANAGER_DEFAULTS,
  ETCD_DEFAULTS,
  FIXED_DEFAULT_SOURCES,
  FIXED_DEFAULTS,
} from './component-defaults.js';

export type DefaultsTable = 'etcd' | 'kube-apiserver' | 'kube-controller-manager';

/** Rules that fall back to a per-release table (kept in step with the rule files by src/rules/thresholds.test.ts). */
export const DEFAULTS_READ_BY: Readonly<Record<DefaultsTable, readonly string[]>> = {
  etcd: ['etcd-snapshot-count', 'etcd-election-timeout'],
  'kube-apiserver': ['apiserver-inflight-vs-size'],
  'kube-controller-manager': ['kubelet-max-pods'],
};

export const FIXED_DEFAULTS_READ_BY: Readonly<Record<keyof typeof FIXED_DEFAULTS, readonly string[]>> = {
  podDnsNdots: ['dns-ndots-external'],
  kubeletContainerLogMaxFilesMin: ['kubelet-container-log-rotation'],
  jvmDefaultHeapShare: ['jvm-heap-vs-memory-limit'],
  containerdMinConfigVersion: ['containerd-config-outdated'],
  schedulerMinFeasibleNodes: ['scheduler-percentage-nodes-to-score'],
};

/** One line per release row: `<component> <release>: <defaults> (source)`. */
export function defaultsRows(table: DefaultsTable): string[] {
  switch (table) {
    case 'etcd':
      return ETCD_DEFAULTS.map(
        (d) =>
          `etcd ${d.etcd} (Kubernetes ${d.kubernetes}): snapshot-count ${d.snapshotCount}, heartbeat-interval ${d.heartbeatIntervalMs} ms, election-timeout ${d.electionTimeoutMs} ms. Source: ${d.source}`,
      );
    case 'kube-apiserver':
      return APISERVER_DEFAULTS.map(
        (d) =>
          `kube-apiserver (Kubernetes ${d.kubernetes}): max-requests-inflight ${d.maxRequestsInflight}, max-mutating-requests-inflight ${d.maxMutatingRequestsInflight}. Source: ${d.source}`,
      );
    case 'kube-controller-manager':
      return CONTROLLER_MANAGER_DEFAULTS.map(
        (d) =>
          `kube-controller-manager (Kubernetes ${d.kubernetes}): node-cidr-mask-size (IPv4) ${d.nodeCidrMaskSizeIpv4}. Source: ${d.source}`,
      );
  }
}

/** The defaults a rule falls back to, one line each. */
export function describeRuleDefaults(ruleId: string): string[] {
  const tables = (Object.keys(DEFAULTS_READ_BY) as DefaultsTable[]).filter((t) => DEFAULTS_READ_BY[t].includes(ruleId));
  const fixed = (Object.keys(FIXED_DEFAULTS_READ_BY) as (keyof typeof FIXED_DEFAULTS)[]).filter((k) =>
    FIXED_DEFAULTS_READ_BY[k].includes(ruleId),
  );
  return [
    ...tables.flatMap(defaultsRows),
    ...fixed.map((k) => `${k}: ${FIXED_DEFAULTS[k]} (all supported releases). Source: ${FIXED_DEFAULT_SOURCES[k]}`),
  ];
}
