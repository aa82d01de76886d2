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
  annotations: Readonly<Record<string, string>> | undefined,
  metaPath: JsonPath,
  out: Hit[],
): void {
  if (!annotations || facts.length === 0) return;
  for (const fact of facts)
    for (const k of Object.keys(annotations))
      if (fact.path.endsWith('/') ? k.startsWith(fact.path) : k === fact.path)
        out.push({ fact, path: [...metaPath, 'annotations', k] });
}

/** The facts of one kind, sorted by type and with their paths split once (this rule runs on every object). */
interface KindFacts {
  readonly fields: readonly { fact: FieldFact; path: string[] }[];
  readonly annotations: readonly FieldFact[];
  readonly volumePlugins: readonly { fact: FieldFact; key: string }[];
}

const factsByKind = new Map<string, KindFacts>();

function factsOf(kind: string): KindFacts {
  let facts = factsByKind.get(kind);
  if (!facts) {
    const all = fieldFactsFor(kind);
    facts = {
      fields: all.filter((f) => f.type === 'field').map((fact) => ({ fact, path: fact.path.split('.') })),
      annotations: all.filter((f) => f.type === 'annotation'),
      volumePlugins: all
        .filter((f) => f.type === 'volume-plugin')
        .map((fact) => ({ fact, key: fact.path.replace(/^volumes\[\]\./, '') })),
    };
    factsByKind.set(kind, facts);
  }
  return facts;
}

const NO_FACTS: KindFacts = { fields: [], annotations: [], volumePlugins: [] };

function hits(resource: Resource): Hit[] {
  const kind = resource.object.kind;
  // Service facts are reported by network/service-field-removed.
  const own = kind === 'Service' ? NO_FACTS : factsOf(kind);
  const out: Hit[] = [];
  for (const { fact, path } of own.fields)
    if (getAt(resource.object, path) !== undefined) out.push({ fact, path: [...path] });
  annotationHits(own.annotations, resource.object.metadata?.annotations, ['metadata'], out);
  const w = podTemplateOf(resource.object);
  if (!w) return out;
  const pod = factsOf('PodSpec');
  const volumes = asArray(w.podSpec['volumes']);
  for (const { fact, key } of pod.volumePlugins)
    volumes.forEach((v, i) => {
      if (asRecord(v)[key] !== undefined) out.push({ fact, path: [...w.podSpecPath, 'volumes', i, key] });
    });
  annotationHits(pod.annotations, w.podAnnotations, [...w.podSpecPath.slice(0, -1), 'metadata'], out);
  return out;
}

export default defineRule({
  id: 'field-removed',
  area: 'deprecations',
  target: 'object',
  defaultSeverity: 'warning',
  summary: 'Objects use no fields, volume plugins or annotations that the target release removed or ignores.',
  rationale:
    'Some settings disappear without an error: the API server drops removed fields, the kubelet ignores removed annotations (the alpha seccomp annotations since 1.27, the critical-pod annotation since 1.16), and pods with a removed in-tree volume plugin (glusterfs, cephfs, rbd…) fail to start on the node. The manifest still looks right while the cluster no longer does what it says. The replacement is given per item. Service fields are covered by service-field-removed. Objects whose controller is in the snapshot (the pods of a ReplicaSet in a cluster dump) are checked through the pod template of their controller. Data: knowledge/api-versions-fields.ts.',
  messages: {
    removed: '{item} was removed in {removedIn} (target {version}): {consequence}. Use {replacement}.',
    deprecated: '{item} is deprecated since {deprecatedIn}: use {replacement}.',
  },
  *check(resource, { kubeVersion, snapshot }) {
    // An object whose controller is in the snapshot (the pods of a ReplicaSet) got its spec from the controller's
    // template, which is checked: reporting each of its 150,000 pods again adds nothing.
    if (snapshot.controllerOf(resource)) return;
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
