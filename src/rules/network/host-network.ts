import { defineRule } from '../../engine/define-rule.js';
import type { Workload } from '../../model/workload.js';

/** Env values that name in-cluster Services (x.svc…, or single-label hosts in URLs such as http://redis:6379). */
const SERVICE_NAME = /\.svc(\.|\b)|:\/\/[a-z0-9-]+(:\d+|\/|$)/i;
const usesServiceNames = (w: Workload): boolean =>
  w.runningContainers.some((c) => c.env.some((e) => SERVICE_NAME.test(e.value ?? '')));

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-node-lease', 'kube-public']);

export default defineRule({
  id: 'host-network',
  area: 'network',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'hostNetwork is reserved for node agents, and such pods resolve cluster DNS.',
  rationale:
    "A hostNetwork pod shares the node's network namespace: its ports collide with other pods and node daemons (two replicas cannot share a node), NetworkPolicies do not apply to it, and it sees all node traffic. Node agents (DaemonSets) are exempt. It buys little latency for normal services; the guide reaches that with headless Services and externalTrafficPolicy: Local instead. A hostNetwork pod with the default dnsPolicy ClusterFirst silently falls back to the node's resolver and cannot resolve Service names; when its env refers to Services (x.svc, http://name:port) it needs dnsPolicy: ClusterFirstWithHostNet (which the fix sets).",
  messages: {
    hostNetwork:
      'hostNetwork: true on a {kind} outside the system namespaces: port conflicts, no NetworkPolicy, node traffic exposed.',
    dnsPolicy:
      'hostNetwork pod with dnsPolicy {policy}: it uses the node resolver and cannot resolve Services; use ClusterFirstWithHostNet.',
  },
  *check(workload) {
    if (workload.podSpec['hostNetwork'] !== true) return;
    if (!SYSTEM_NAMESPACES.has(workload.namespace) && workload.kind !== 'DaemonSet')
      yield { messageId: 'hostNetwork', path: [...workload.podSpecPath, 'hostNetwork'], data: { kind: workload.kind } };
    const policy = workload.podSpec['dnsPolicy'];
    if ((policy === undefined || policy === 'ClusterFirst') && usesServiceNames(workload)) {
      const path = [...workload.podSpecPath, 'dnsPolicy'];
      yield {
        messageId: 'dnsPolicy',
        path,
        data: { policy: String(policy ?? 'ClusterFirst (default)') },
        fix: [{ op: 'add' as const, path, value: 'ClusterFirstWithHostNet' }],
      };
    }
  },
});
