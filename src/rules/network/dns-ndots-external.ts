import { FIXED_DEFAULTS } from '../../knowledge/thresholds/component-defaults.js';
import { defineRule } from '../../engine/define-rule.js';
import { asArray, asRecord, asString, isRecord } from '../../model/object.js';
import type { Workload } from '../../model/workload.js';

const DEFAULT_NDOTS = FIXED_DEFAULTS.podDnsNdots;
/** How many host names a message lists before "(+N)". */
const LISTED = 3;
/** Host names in URLs (scheme://host) or host:port pairs; bare dotted words are too often file or class names. */
const HOST =
  /(?:[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?|(?:^|[\s,;=]))((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?=:\d+|\/|$|[\s,;])/gi;
const PORT_OR_URL = /:\/\/|:\d+/;
const INTERNAL = /(\.svc|\.cluster\.local|\.local|\.internal|\.localdomain)$/i;
/** A whole value that is an image reference (`registry[:port]/path[:tag][@digest]`, a tag or digest required): no lookup. */
const IMAGE_REF = /^[a-z0-9.-]+(?::\d+)?\/[a-z0-9._/-]+(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/i;
const isImageRef = (v: string): boolean =>
  IMAGE_REF.test(v) && /(:[\w][\w.-]*|@sha256:[a-f0-9]{64})$/i.test(v.replace(/^[^/]*\//, ''));

function ndotsOf(w: Workload): number {
  for (const o of asArray(asRecord(w.podSpec['dnsConfig'])['options'])) {
    if (isRecord(o) && o['name'] === 'ndots') return Number(asString(o['value']) ?? DEFAULT_NDOTS);
  }
  return DEFAULT_NDOTS;
}

/** External host names in env values (URLs, host:port, bare FQDNs) with fewer dots than ndots. */
function externalHosts(w: Workload, ndots: number): string[] {
  const hosts = new Set<string>();
  for (const c of w.runningContainers) {
    for (const e of c.env) {
      if (!PORT_OR_URL.test(e.value ?? '') || isImageRef((e.value ?? '').trim())) continue;
      for (const m of (e.value ?? '').matchAll(HOST)) {
        const host = m[1]!.toLowerCase();
        const dots = host.split('.').length - 1;
        if (dots >= 1 && dots < ndots && !INTERNAL.test(host) && !/^\d+(\.\d+)+$/.test(host)) hosts.add(host);
      }
    }
  }
  return [...hosts].sort();
}

export default defineRule({
  id: 'dns-ndots-external',
  area: 'network',
  target: 'workload',
  defaultSeverity: 'info',
  fixable: true,
  summary: 'Pods that call external host names do not pay the ndots:5 search-list cost.',
  rationale:
    'Pods get ndots:5 by default: a name with fewer than five dots (api.stripe.com has two) is first tried against every search domain (<ns>.svc.cluster.local, svc.cluster.local, cluster.local, plus the node\'s), each an A and AAAA query that fails, before the real lookup. That is up to 8-10 extra DNS queries per lookup, load on CoreDNS and conntrack, and added latency. Use fully qualified names with a trailing dot, or lower ndots (2 keeps short in-cluster names such as svc.namespace working). The fix adds dnsConfig.options ndots: "2" when the pod has no dnsConfig.',
  messages: {
    external:
      'env refers to external host(s) {hosts} with ndots {ndots}: each lookup first walks the search domains; lower ndots or use FQDNs with a trailing dot.',
  },
  *check(workload, { thresholds }) {
    const ndots = ndotsOf(workload);
    const hosts = externalHosts(workload, ndots);
    if (hosts.length === 0 || workload.podSpec['hostNetwork'] === true) return;
    const hasConfig = workload.podSpec['dnsConfig'] !== undefined;
    const path = [...workload.podSpecPath, 'dnsConfig'];
    yield {
      messageId: 'external',
      path,
      data: {
        hosts: hosts.slice(0, LISTED).join(', ') + (hosts.length > LISTED ? ` (+${hosts.length - LISTED})` : ''),
        ndots,
      },
      ...(hasConfig
        ? {}
        : {
            fix: [
              {
                op: 'add' as const,
                path,
                value: { options: [{ name: 'ndots', value: String(thresholds.dnsNdotsRecommended) }] },
              },
            ],
          }),
    };
  },
});
