import { defineRule } from '../../engine/define-rule.js';
import { CNI_DEPRECATIONS } from '../../knowledge/cni.js';
import { asComponent } from '../../model/components/types.js';

export default defineRule({
  id: 'cni-option-deprecated',
  area: 'cni',
  target: 'component',
  components: ['cilium', 'calico-felix'],
  defaultSeverity: 'warning',
  priority: 'P1',
  summary: 'Cilium and Calico settings use current option names and values.',
  rationale:
    'Cilium 1.15 removed `tunnel` (now routing-mode + tunnel-protocol) and the strict/partial/probe values of kube-proxy-replacement (now true/false): an agent upgraded with the old ConfigMap or Helm values falls back to defaults, which can silently turn kube-proxy replacement or native routing off, or fails to start. Calico deprecates fields in the same way. Migrate before the upgrade.',
  messages: {
    deprecated: '{key}{value} is deprecated since {deprecatedIn}{removal}; use {replacement}.',
  },
  *check(subject) {
    const cilium = asComponent(subject, 'cilium');
    const felix = asComponent(subject, 'calico-felix');
    const c = cilium ?? felix;
    if (!c) return;
    const form = cilium ? cilium.form : 'felix';
    for (const d of CNI_DEPRECATIONS.filter((x) => x.form === form)) {
      if (!(d.key in c.raw)) continue;
      const value = String(c.raw[d.key]);
      if (d.values && !d.values.includes(value)) continue;
      yield {
        messageId: 'deprecated',
        path: [...c.base, d.key],
        data: {
          key: d.key,
          value: d.values ? `: ${value}` : '',
          deprecatedIn: d.deprecatedIn,
          removal: d.removedIn ? ` and removed in ${d.removedIn}` : '',
          replacement: d.replacement,
        },
      };
    }
  },
});
