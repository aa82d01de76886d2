import { defineRule } from '../../engine/define-rule.js';
import { formatKubeVersion } from '../../core/version.js';
import { IPTABLES_SERVICE_LIMIT, proxyModeState } from '../../knowledge/kube-proxy-config.js';
import { asString } from '../../model/object.js';
import { asComponent } from '../../model/components/types.js';

const STATE_MESSAGE: Partial<Record<string, 'removed' | 'notYet' | 'alpha' | 'deprecated'>> = {
  removed: 'removed',
  'not-yet': 'notYet',
  alpha: 'alpha',
  deprecated: 'deprecated',
};

export default defineRule({
  id: 'kube-proxy-mode',
  area: 'node',
  target: 'component',
  components: ['kube-proxy-config'],
  defaultSeverity: 'warning',
  priority: 'P1',
  summary: 'kube-proxy runs a mode the release supports and that suits the Service count.',
  rationale:
    'userspace mode was removed in 1.26. iptables (the default) evaluates rules per Service, so latency and sync time grow with the number of Services: past ~1000 Services nftables (GA in 1.33, beta from 1.31) keeps packet processing near constant. ipvs is deprecated from 1.35 (KEP-5495) in favour of nftables; nftables before 1.31 is alpha and needs the NFTablesProxyMode feature gate. The Service count comes from the Service objects audited or the rule option `services`.',
  messages: {
    removed: 'mode {mode} was removed in Kubernetes {removedIn}; kube-proxy {version} will not start.',
    notYet: 'mode {mode} needs Kubernetes {since}.',
    alpha:
      'mode {mode} is alpha in {version} (needs the NFTablesProxyMode feature gate); use it from 1.31 or run iptables/ipvs.',
    deprecated: 'mode {mode} is deprecated since {deprecatedIn}; plan the move to nftables.',
    iptablesAtScale:
      'mode {mode} with {services} Services: rule sync and per-packet cost grow with every Service; use nftables{nftHint}.',
  },
  *check(subject, ctx) {
    const { kubeVersion } = ctx;
    const c = asComponent(subject, 'kube-proxy-config');
    if (!c) return;
    const mode = asString(c.raw['mode']) || 'iptables';
    const path = [...c.base, 'mode'];
    const { state, fact } = proxyModeState(mode, kubeVersion);
    const data = {
      mode,
      version: formatKubeVersion(kubeVersion),
      removedIn: fact?.removedIn ?? '?',
      since: fact?.since ?? '?',
      deprecatedIn: fact?.deprecatedIn ?? '?',
    };
    const messageId = STATE_MESSAGE[state];
    if (messageId) return yield { messageId, path, data };
    const opt = ctx.options['services'];
    const services = typeof opt === 'number' ? opt : ctx.snapshot.byKind('Service').length;
    if (mode === 'iptables' && services > IPTABLES_SERVICE_LIMIT) {
      const nft = proxyModeState('nftables', kubeVersion).state;
      yield {
        messageId: 'iptablesAtScale',
        path,
        data: { ...data, services, nftHint: nft === 'valid' ? '' : ' (GA from 1.33) or ipvs' },
      };
    }
  },
});
