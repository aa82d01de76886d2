import { defineRule } from '../../engine/define-rule.js';
import type { JsonPath } from '../../core/json-path.js';
import { getAt } from '../../core/json-path.js';
import { formatKubeVersion } from '../../core/version.js';
import { fieldFactsFor, fieldState, type FieldFact } from '../../knowledge/api-versions-fields.js';
import { asArray, asRecord, type Resource } from '../../model/object.js';
import { podTemplateOf } from '../../model/workload.js';

const CONSEQUENCE: Readonly<Record<FieldFact['effect'], string>> = {
  dropped: 'the API server drops it silently',
  ignored: 'it is ignored',
  rejected: 'the API server rejects the object',
  'fails-at-runtime': 'pods using it cannot start',
};

interface Hit {
  readonly fact: FieldFact;
  readonly path: JsonPath;
}

function annotationHits(
  facts: readonly FieldFact[],
  annotations: Readonly<Record<string, string>>,
  metaPath: JsonPath,
): Hit[] {
  return facts
    .filter((f) => f.type === 'annotation')
    .flatMap((fact) =>
      Object.keys(annotations)
        .filter((k) => (fact.path.endsWith('/') ? k.startsWith(fact.path) : k === fact.path))
        .map((k) => ({ fact, path: [...metaPath, 'annotations', k] })),
    );
}

function hits(resource: Resource): Hit[] {
  const kind = resource.object.kind;
  // Service facts are reported by network/service-field-removed.
  const own = kind === 'Service' ? [] : fieldFactsFor(kind);
  const out: Hit[] = [
    ...own
      .filter((f) => f.type === 'field' && getAt(resource.object, f.path.split('.')) !== undefined)
      .map((fact) => ({ fact, path: fact.path.split('.') })),
    ...annotationHits(own, resource.object.metadata?.annotations ?? {}, ['metadata']),
  ];
  const w = podTemplateOf(resource.object);
  if (!w) return out;
  const pod = fieldFactsFor('PodSpec');
  for (const fact of pod.filter((f) => f.type === 'volume-plugin')) {
    const key = fact.path.replace(/^volumes\[\]\./, '');
    asArray(w.podSpec['volumes']).forEach((v, i) => {
      if (asRecord(v)[key] !== undefined) out.push({ fact, path: [...w.podSpecPath, 'volumes', i, key] });
    });
  }
  const metaPath = [...w.podSpecPath.slice(0, -1), 'metadata'];
  out.push(...annotationHits(pod, w.podAnnotations, metaPath));
  return out;
}

export default defineRule({
  id: 'field-removed',
  area: 'deprecations',
  target: 'object',
  defaultSeverity: 'warning',
  summary: 'Objects use no fields, volume plugins or annotations that the target release removed or ignores.',
  rationale:
    'Some settings disappear without an error: the API server drops removed fields, the kubelet ignores removed annotations (the alpha seccomp annotations since 1.27, the critical-pod annotation since 1.16), and pods with a removed in-tree volume plugin (glusterfs, cephfs, rbd…) fail to start on the node. The manifest still looks right while the cluster no longer does what it says. The replacement is given per item. Service fields are covered by service-field-removed. Data: knowledge/api-versions-fields.ts.',
  messages: {
    removed: '{item} was removed in {removedIn} (target {version}): {consequence}. Use {replacement}.',
    deprecated: '{item} is deprecated since {deprecatedIn}: use {replacement}.',
  },
  *check(resource, { kubeVersion }) {
    const version = formatKubeVersion(kubeVersion);
    for (const { fact, path } of hits(resource)) {
      const state = fieldState(fact, kubeVersion);
      const item = String(path[path.length - 1]);
      const consequence = CONSEQUENCE[fact.effect];
      if (state === 'removed')
        yield {
          messageId: 'removed',
          path,
          data: { item, removedIn: fact.removedIn!, version, consequence, replacement: fact.replacement },
        };
      else if (state === 'deprecated')
        yield {
          messageId: 'deprecated',
          path,
          data: { item, deprecatedIn: fact.deprecatedIn!, replacement: fact.replacement },
        };
    }
  },
});
