import { defineRule } from '../../engine/define-rule.js';
import { serviceView } from './network-helpers.js';

export default defineRule({
  id: 'session-affinity-ignored',
  area: 'network',
  target: 'object',
  kinds: ['Service'],
  defaultSeverity: 'warning',
  summary: 'sessionAffinity: ClientIP is only set where the proxy can honour it.',
  rationale:
    'sessionAffinity: ClientIP is implemented by kube-proxy (or its eBPF replacement) on the Service virtual IP. A headless Service has no virtual IP (clients resolve pod IPs directly) and an ExternalName Service is only a DNS alias, so the setting does nothing there and sessions are not sticky. Make the client sticky itself, or use a Service with a cluster IP.',
  messages: {
    ignored: 'sessionAffinity ClientIP on a {what} Service has no effect: there is no virtual IP for the proxy to pin.',
  },
  *check(resource) {
    const svc = serviceView(resource);
    if (svc.spec['sessionAffinity'] !== 'ClientIP') return;
    const what = svc.type === 'ExternalName' ? 'ExternalName' : svc.headless ? 'headless' : undefined;
    if (what) yield { messageId: 'ignored', path: ['spec', 'sessionAffinity'], data: { what } };
  },
});
