import { defineRule } from '../../engine/define-rule.js';
import { formatPath } from '../../core/json-path.js';
import { SCHEMA_KUBERNETES_VERSION, validateAgainstSchema } from '../../knowledge/schema.js';
import { createdByController } from '../../model/object.js';

export default defineRule({
  id: 'schema-invalid',
  area: 'schema',
  target: 'object',
  defaultSeverity: 'error',
  summary: 'Built-in objects match the Kubernetes OpenAPI schema (types, required fields, known fields).',
  rationale: `The API server rejects objects with wrong types or missing required fields (a Deployment without a selector), and drops unknown fields silently unless strict validation is on: a misspelt "resource:" or a field at the wrong level means the setting you tuned never reaches the cluster. Validated with the schema of Kubernetes ${SCHEMA_KUBERNETES_VERSION} (kubernetes-models, @kubernetes/client-node). Objects a controller created in the cluster (a uid and a controller owner reference, e.g. the pods of a ReplicaSet) are not validated again: their spec comes from the owner's template, which is.`,
  messages: {
    invalid: '{field}: {problem}.',
    unknownField: '{field}: unknown field; the API server drops it (or rejects the object with strict validation).',
  },
  *check(resource) {
    if (createdByController(resource.object)) return;
    const problems = validateAgainstSchema(resource.object);
    for (const p of problems ?? []) {
      const field = formatPath(p.path) || '(root)';
      if (p.kind === 'unknown-field') yield { messageId: 'unknownField', path: p.path, data: { field } };
      else yield { messageId: 'invalid', path: p.path, data: { field, problem: p.message } };
    }
  },
});
