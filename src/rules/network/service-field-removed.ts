import { defineRule } from '../../engine/define-rule.js';
import { formatKubeVersion } from '../../core/version.js';
import { getAt } from '../../core/json-path.js';
import { allServiceFacts, releaseReached, serviceFactState } from '../../knowledge/services.js';

export default defineRule({
  id: 'service-field-removed',
  area: 'network',
  target: 'object',
  kinds: ['Service'],
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'Services use no removed, deprecated or not-yet-available fields and annotations for the target version.',
  rationale:
    'The API server drops Service fields it does not serve without an error: spec.topologyKeys (removed in 1.22) or spec.trafficDistribution on releases before 1.31 simply vanish, and the traffic keeps crossing zones while the manifest says otherwise. Deprecated ones (the topology-aware-hints annotation since 1.27, spec.loadBalancerIP since 1.24) still work but are on their way out. The fix renames the topology-aware-hints annotation to service.kubernetes.io/topology-mode. Data: knowledge/services.ts and knowledge/api-versions-fields.ts.',
  messages: {
    removed: '{field} was removed in {removedIn}: the API server of {version} drops it silently. Use {replacement}.',
    deprecated: '{field} is deprecated since {deprecatedIn}. Use {replacement}.',
    notYetAvailable:
      '{field} is only honoured from {availableIn}: the API server of {version} drops it. Use {replacement}.',
  },
  *check(resource, { kubeVersion }) {
    const annotations = resource.object.metadata?.annotations ?? {};
    const version = formatKubeVersion(kubeVersion);
    for (const fact of allServiceFacts()) {
      const present =
        fact.type === 'annotation'
          ? fact.path in annotations
          : getAt(resource.object, fact.path.split('.')) !== undefined;
      if (!present) continue;
      const path = fact.type === 'annotation' ? ['metadata', 'annotations', fact.path] : fact.path.split('.');
      const base = { field: fact.path, replacement: fact.replacement, version };
      const state = serviceFactState(fact, kubeVersion);
      const rename = fact.renameTo;
      const fix =
        rename && releaseReached(kubeVersion, rename.since) && !(rename.key in annotations)
          ? [
              {
                op: 'add' as const,
                path: ['metadata', 'annotations', rename.key],
                value: rename.value(annotations[fact.path] ?? ''),
              },
              { op: 'remove' as const, path },
            ]
          : undefined;
      if (state === 'removed') yield { messageId: 'removed', path, data: { ...base, removedIn: fact.removedIn! } };
      else if (state === 'deprecated')
        yield {
          messageId: 'deprecated',
          path,
          data: { ...base, deprecatedIn: fact.deprecatedIn! },
          ...(fix ? { fix } : {}),
        };
      else if (state === 'not-yet-available')
        yield { messageId: 'notYetAvailable', path, data: { ...base, availableIn: fact.availableIn! } };
    }
  },
});
