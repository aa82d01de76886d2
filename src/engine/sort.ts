import { formatPath } from '../core/json-path.js';
import { formatRef } from '../model/object.js';
import { severityRank, type Finding } from './types.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Deterministic order: severity, rule, object, path, message. Independent of input order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(formatRef(a.object), formatRef(b.object)) ||
      cmp(a.source?.file ?? '', b.source?.file ?? '') ||
      (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
      cmp(formatPath(a.path), formatPath(b.path)) ||
      cmp(a.message, b.message),
  );
}
