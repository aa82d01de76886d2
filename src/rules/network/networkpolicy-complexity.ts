import { defineRule } from '../../engine/define-rule.js';
import { asArray, asRecord, namespaceOf, type Resource } from '../../model/object.js';

/** Peers × ports summed over ingress and egress rules: roughly how many match entries the data plane programs. */
function ruleEntries(r: Resource): number {
  const spec = asRecord(r.object['spec']);
  let total = 0;
  for (const dir of ['ingress', 'egress'] as const) {
    for (const rule of asArray(spec[dir])) {
      const rec = asRecord(rule);
      const peers = asArray(rec[dir === 'ingress' ? 'from' : 'to']).length || 1;
      const ports = asArray(rec['ports']).length || 1;
      total += peers * ports;
    }
  }
  return total;
}

const num = (v: unknown, d: number): number => (typeof v === 'number' ? v : d);

export default defineRule({
  id: 'networkpolicy-complexity',
  area: 'network',
  target: 'cluster',
  defaultSeverity: 'info',
  summary: 'NetworkPolicies stay few and simple per namespace.',
  rationale:
    'Every NetworkPolicy becomes rules in the CNI data plane (iptables/ipset chains, eBPF maps) on every node that runs a selected pod, re-computed on every pod change. Many policies per namespace or policies with large peer × port products slow pod start-up and policy updates, and are hard to reason about: the guide keeps them few and simple (a default deny plus a handful of allows). Rule options: maxPerNamespace (default 20), maxRuleEntries (default 50).',
  messages: {
    tooMany: 'namespace {namespace} has {count} NetworkPolicies (max {max}): consolidate them.',
    tooComplex: 'NetworkPolicy {name} expands to {entries} peer × port entries (max {max}): split or simplify it.',
  },
  *check(snapshot, { options, thresholds }) {
    const maxPerNs = num(options['maxPerNamespace'], thresholds.networkPolicyMaxPerNamespace);
    const maxEntries = num(options['maxRuleEntries'], thresholds.networkPolicyMaxRuleEntries);
    const byNs = new Map<string, Resource[]>();
    for (const p of snapshot.byKind('NetworkPolicy')) {
      const ns = namespaceOf(p.object) ?? 'default';
      byNs.set(ns, [...(byNs.get(ns) ?? []), p]);
      const entries = ruleEntries(p);
      if (entries > maxEntries)
        yield { messageId: 'tooComplex', path: ['spec'], data: { name: p.ref.name, entries, max: maxEntries }, at: p };
    }
    for (const [namespace, list] of byNs) {
      if (list.length > maxPerNs)
        yield {
          messageId: 'tooMany',
          path: ['metadata', 'namespace'],
          data: { namespace, count: list.length, max: maxPerNs },
          at: list[0]!,
        };
    }
  },
});
