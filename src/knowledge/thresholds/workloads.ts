/** Thresholds of the workload, namespace, probe and scheduling rules. See types.ts for the entry shape. */
import { ceiling, num, range, same } from './types.js';

const GUIDE_2 = 'GUIDE.md §2 (resource optimisation: healthy limit/request ratio 1.5-2x)';
const STRICT = 'GUIDE.md §1 (strict KPIs of the second document)';

export const WORKLOAD_THRESHOLDS = {
  cpuLimitToRequest: range({
    summary: 'Healthy CPU limit/request ratio; a ratio of exactly 1 (Guaranteed) is a deliberate choice.',
    unit: 'ratio',
    use: 'flag-outside',
    readBy: ['cpu-limit-ratio', 'limitrange-ratio'],
    source: `${GUIDE_2}; strict: ${STRICT}, tighter headroom`,
    values: { guide: { min: 1.5, max: 2 }, strict: { min: 1.2, max: 1.5 }, 'upstream-slo': { min: 1.5, max: 2 } },
  }),
  memoryLimitToRequest: ceiling({
    summary:
      'Highest memory limit/request ratio. No minimum: a memory limit close to (or equal to) its request is the safe setting.',
    unit: 'ratio',
    use: 'flag-above',
    readBy: ['memory-limit-ratio', 'limitrange-ratio'],
    source: `${GUIDE_2}; no minimum: https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/ and https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/ (KRR's simple strategy sets memory limit = request); strict: ${STRICT}`,
    values: { guide: { max: 2 }, strict: { max: 1.5 }, 'upstream-slo': { max: 2 } },
  }),
  bestEffortNamespaceShare: num({
    summary: 'Share of BestEffort pods in a namespace above which it is flagged.',
    unit: 'share',
    use: 'flag-above',
    readBy: ['namespace-mostly-besteffort'],
    source: 'GUIDE.md §2 (tiering: only batch runs BestEffort); strict: GUIDE.md §1 strict KPIs',
    values: { guide: 0.5, strict: 0.2, 'upstream-slo': 0.5 },
  }),
  namespaceQosMinPods: num({
    summary: 'Minimum pods in a namespace before namespace-wide QoS shares are judged.',
    unit: 'count',
    use: 'flag-below',
    readBy: ['namespace-mostly-besteffort', 'namespace-all-guaranteed'],
    source: 'GUIDE.md §2 (tiering); strict: GUIDE.md §1 strict KPIs',
    values: { guide: 3, strict: 2, 'upstream-slo': 3 },
  }),
  slowStartSeconds: num({
    summary: 'A liveness initialDelaySeconds at or above this calls for a startupProbe.',
    unit: 'seconds',
    use: 'flag-above',
    readBy: ['startup-probe-missing'],
    source: 'GUIDE.md §6 (startupProbe for slow starters); strict: GUIDE.md §1 (pod startup < 30 s)',
    values: { guide: 30, strict: 20, 'upstream-slo': 30 },
  }),
  startupProbePeriodSeconds: num({
    summary: 'periodSeconds of the startupProbe the fix adds (failureThreshold covers the old initial delay).',
    unit: 'seconds',
    use: 'target',
    readBy: ['startup-probe-missing'],
    source: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
    values: same(10),
  }),
  replicatedMinReplicas: num({
    summary: 'Replica count from which a workload counts as replicated (spread, PDB, anti-affinity, Local traffic).',
    unit: 'replicas',
    use: 'flag-above',
    readBy: ['anti-affinity-exceeds-domains', 'external-traffic-policy', 'pdb-missing', 'replicas-without-spread'],
    source: 'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ (one replica cannot survive a disruption)',
    values: same(2),
  }),
  requiredAffinityMax: num({
    summary: 'Hard scheduling constraints per pod (nodeSelector, required affinity, DoNotSchedule spread).',
    unit: 'count',
    use: 'flag-above',
    readBy: ['required-affinity-overuse'],
    source: 'GUIDE.md §3 (prefer soft constraints; too many hard constraints leave pods unschedulable)',
    values: same(3),
  }),
  hpaScaleDownWindowMinSeconds: num({
    summary: 'Shortest scaleDown stabilizationWindowSeconds that does not flap (the HPA default is 300).',
    unit: 'seconds',
    use: 'flag-below',
    readBy: ['hpa-behavior'],
    source: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#stabilization-window',
    values: same(60),
  }),
  networkPolicyMaxPerNamespace: num({
    summary: 'NetworkPolicies per namespace (rule option maxPerNamespace overrides).',
    unit: 'count',
    use: 'flag-above',
    readBy: ['networkpolicy-complexity'],
    source: 'GUIDE.md §4 (keep NetworkPolicies few and simple)',
    values: same(20),
  }),
  networkPolicyMaxRuleEntries: num({
    summary: 'Peer x port entries of one NetworkPolicy (rule option maxRuleEntries overrides).',
    unit: 'count',
    use: 'flag-above',
    readBy: ['networkpolicy-complexity'],
    source: 'GUIDE.md §4 (keep NetworkPolicies few and simple)',
    values: same(50),
  }),
  dnsNdotsRecommended: num({
    summary: 'ndots the fix sets for pods that call external names.',
    unit: 'count',
    use: 'target',
    readBy: ['dns-ndots-external'],
    source: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config',
    values: same(2),
  }),
} as const;
