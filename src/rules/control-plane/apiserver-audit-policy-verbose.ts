import { defineRule } from '../../engine/define-rule.js';
import { asArray, asRecord, asString } from '../../model/object.js';

const READ_VERBS = ['get', 'list', 'watch'];
const VERBOSE = new Set(['Request', 'RequestResponse']);

export default defineRule({
  id: 'apiserver-audit-policy-verbose',
  area: 'control-plane',
  target: 'object',
  kinds: ['Policy'],
  defaultSeverity: 'warning',
  priority: 'P1',
  summary: 'The audit policy does not log high-volume reads with request or response bodies.',
  rationale:
    'Audit events are serialised on the request path. A rule that logs get/list/watch at Request or RequestResponse writes every LIST response body (megabytes for a list of pods or events) to the audit backend: API server CPU and memory climb, the log backend saturates and, in blocking mode, requests wait for it. The guide keeps reads at Metadata (or None for endpoints, events and health checks) and bodies only for writes to sensitive resources.',
  messages: {
    verboseReads: 'rules[{index}] logs {verbs} at {level}{scope}; log reads at Metadata or None.',
  },
  *check(resource) {
    if (!resource.object.apiVersion.startsWith('audit.k8s.io/')) return;
    const rules = asArray(resource.object['rules']);
    for (const [index, raw] of rules.entries()) {
      const rule = asRecord(raw);
      const level = asString(rule['level']) ?? '';
      if (!VERBOSE.has(level)) continue;
      const verbs = asArray(rule['verbs']).map(String);
      const reads =
        verbs.length === 0 ? READ_VERBS : READ_VERBS.filter((v) => verbs.includes(v) || verbs.includes('*'));
      if (reads.length === 0) continue;
      const resources = asArray(rule['resources']).flatMap((g) => asArray(asRecord(g)['resources']).map(String));
      const scope = resources.length ? ` for ${resources.join(', ')}` : ' for every resource';
      yield {
        messageId: 'verboseReads',
        path: ['rules', index, 'level'],
        data: { index, verbs: reads.join('/'), level, scope },
      };
    }
  },
});
