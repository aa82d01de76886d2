import { defineRule } from '../../engine/define-rule.js';
import { asArray, asRecord, isRecord, namespaceOf } from '../../model/object.js';

/** Quota keys that make the API server reject pods whose containers do not set the matching field. */
const COMPUTE_KEYS: Readonly<Record<string, { field: 'default' | 'defaultRequest'; resource: string }>> = {
  cpu: { field: 'defaultRequest', resource: 'cpu' },
  memory: { field: 'defaultRequest', resource: 'memory' },
  'requests.cpu': { field: 'defaultRequest', resource: 'cpu' },
  'requests.memory': { field: 'defaultRequest', resource: 'memory' },
  'limits.cpu': { field: 'default', resource: 'cpu' },
  'limits.memory': { field: 'default', resource: 'memory' },
};

export default defineRule({
  id: 'resourcequota-without-limitrange',
  area: 'namespaces',
  target: 'object',
  kinds: ['ResourceQuota'],
  defaultSeverity: 'warning',
  summary: 'A ResourceQuota on compute resources comes with a LimitRange that defaults them.',
  rationale:
    'Once a ResourceQuota tracks requests or limits of cpu or memory, the API server rejects every pod whose containers do not set them ("must specify limits.memory"). A LimitRange with default and defaultRequest fills them in; without one, Deployments silently stop creating pods.',
  messages: {
    noLimitRange:
      'Quota on {keys} but namespace {namespace} has no LimitRange: pods without these fields are rejected.',
    noDefault: 'Quota on {key} but no LimitRange in namespace {namespace} sets a Container {field} for {resource}.',
  },
  *check(resource, { snapshot }) {
    const ns = namespaceOf(resource.object) ?? 'default';
    const hard = asRecord(asRecord(resource.object['spec'])['hard']);
    const keys = Object.keys(hard).filter((k) => k in COMPUTE_KEYS);
    if (keys.length === 0) return;
    const ranges = snapshot.inNamespace(ns, 'LimitRange');
    if (ranges.length === 0) {
      yield { messageId: 'noLimitRange', path: ['spec', 'hard'], data: { keys: keys.join(', '), namespace: ns } };
      return;
    }
    const containerLimits = ranges.flatMap((r) =>
      asArray(asRecord(r.object['spec'])['limits']).filter((l) => isRecord(l) && l['type'] === 'Container'),
    );
    for (const key of keys) {
      const { field, resource: res } = COMPUTE_KEYS[key]!;
      // defaultRequest itself defaults to default, so a default limit also covers requests.
      const covered = containerLimits.some((l) => {
        const rec = asRecord(l);
        return (
          asRecord(rec[field])[res] !== undefined ||
          (field === 'defaultRequest' && asRecord(rec['default'])[res] !== undefined)
        );
      });
      if (!covered)
        yield {
          messageId: 'noDefault',
          path: ['spec', 'hard', key],
          data: { key, namespace: ns, field, resource: res },
        };
    }
  },
});
