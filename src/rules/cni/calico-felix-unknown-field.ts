import { defineRule } from '../../engine/define-rule.js';
import { FELIX_FIELDS } from '../../knowledge/cni.js';
import { asComponent } from '../../model/components/types.js';

const byLower = new Map([...FELIX_FIELDS].map((f) => [f.toLowerCase(), f]));

export default defineRule({
  id: 'calico-felix-unknown-field',
  area: 'cni',
  target: 'component',
  components: ['calico-felix'],
  defaultSeverity: 'error',
  priority: 'P1',
  summary: 'FelixConfiguration spec fields are written as the CRD defines them.',
  rationale:
    'Felix settings have three spellings: FELIX_BPFENABLED (environment), BPFEnabled (config file) and bpfEnabled (FelixConfiguration spec). Only the camelCase form is part of the CRD: other spellings are pruned by the API server (crd.projectcalico.org/v1) or rejected (projectcalico.org/v3), and the eBPF data plane, MTU or refresh intervals the snippet promised are never applied.',
  messages: {
    wrongCase: 'spec.{field} is not a FelixConfiguration field; the CRD spells it {expected}.',
    envStyle: 'spec.{field} is an environment-variable name; FelixConfiguration uses {expected}.',
  },
  *check(subject) {
    const c = asComponent(subject, 'calico-felix');
    if (!c) return;
    for (const field of Object.keys(c.raw)) {
      if (FELIX_FIELDS.has(field)) continue;
      const env = /^FELIX_(.+)$/i.exec(field);
      const expected = byLower.get((env ? env[1]! : field).replace(/_/g, '').toLowerCase());
      if (!expected) continue;
      yield { messageId: env ? 'envStyle' : 'wrongCase', path: [...c.base, field], data: { field, expected } };
    }
  },
});
