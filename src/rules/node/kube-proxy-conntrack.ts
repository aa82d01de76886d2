import { defineRule } from '../../engine/define-rule.js';
import { parseDurationMs } from '../../core/units.js';
import { CONNTRACK_DEFAULTS } from '../../knowledge/kube-proxy-config.js';
import { asNumber, asRecord, asString } from '../../model/object.js';
import { asComponent, canPatch } from '../../model/components/types.js';

export default defineRule({
  id: 'kube-proxy-conntrack',
  area: 'node',
  target: 'component',
  components: ['kube-proxy-config'],
  defaultSeverity: 'warning',
  priority: 'P1',
  fixable: true,
  summary: 'kube-proxy sizes the conntrack table and its TCP timeouts.',
  rationale:
    'Every Service connection is a conntrack entry. kube-proxy sets nf_conntrack_max from conntrack.maxPerCore x cores (at least conntrack.min) and shortens the established-TCP timeout to 24h. With both sizes at 0 it leaves the kernel default (often 65536-262144), and busy nodes drop packets with "nf_conntrack: table full"; a tcpEstablishedTimeout of 0 keeps the kernel\'s 5 days, so dead connections fill the table.',
  messages: {
    unsized: 'conntrack.maxPerCore and conntrack.min are 0: nf_conntrack_max stays at the kernel default.',
    establishedKernel:
      'conntrack.tcpEstablishedTimeout {value} keeps the kernel default of 5 days for idle connections.',
  },
  *check(subject) {
    const c = asComponent(subject, 'kube-proxy-config');
    if (!c) return;
    const ct = asRecord(c.raw['conntrack']);
    const base = [...c.base, 'conntrack'];
    const patch = canPatch(c);
    if (asNumber(ct['maxPerCore']) === 0 && (asNumber(ct['min']) ?? 0) === 0) {
      const fix = [{ op: 'replace' as const, path: [...base, 'maxPerCore'], value: CONNTRACK_DEFAULTS.maxPerCore }];
      yield { messageId: 'unsized', path: [...base, 'maxPerCore'], ...(patch ? { fix } : {}) };
    }
    const est = asString(ct['tcpEstablishedTimeout']);
    if (est !== undefined && parseDurationMs(est) === 0) {
      const path = [...base, 'tcpEstablishedTimeout'];
      yield {
        messageId: 'establishedKernel',
        path,
        data: { value: est },
        ...(patch ? { fix: [{ op: 'replace' as const, path, value: CONNTRACK_DEFAULTS.tcpEstablishedTimeout }] } : {}),
      };
    }
  },
});
