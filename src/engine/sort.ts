import { formatPath } from '../core/json-path.js';
import { formatRef } from '../model/object.js';
import { severityRank, type Finding } from './types.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Keyed {
  readonly finding: Finding;
  readonly ref: string;
  readonly path: string;
}

/**
 * Deterministic order: severity, rule, object, file, line, path, message. Independent of input order.
 * The object and path strings are built once per finding, not once per comparison.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const keyed: Keyed[] = findings.map((f) => ({ finding: f, ref: formatRef(f.object), path: formatPath(f.path) }));
  keyed.sort(
    ({ finding: a, ref: ra, path: pa }, { finding: b, ref: rb, path: pb }) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(ra, rb) ||
      cmp(a.source?.file ?? '', b.source?.file ?? '') ||
      (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
      cmp(pa, pb) ||
      cmp(a.message, b.message),
  );
  return keyed.map((k) => k.finding);
}
