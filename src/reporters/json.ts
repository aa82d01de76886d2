import { toPointer } from '../core/json-path.js';
import type { Finding } from '../engine/types.js';
import type { Report } from './report.js';
import { collected, findingAt, findingCount, PLACEHOLDER, splitJson, writeJsonArray, type Sink } from './stream.js';

/** One finding as the JSON document carries it: paths as RFC 6901 pointers at this edge. */
export const toJsonFinding = (f: Finding): unknown => ({
  ...f,
  path: toPointer(f.path),
  ...(f.fix ? { fix: f.fix.map((op) => ({ ...op, path: toPointer(op.path) })) } : {}),
  ...(f.itemPath ? { itemPath: toPointer(f.itemPath) } : {}),
});

/** The Report's own fields, in their order, with `findings` replaced (its lazy getter is not called). */
function withFindings(report: Report, findings: unknown): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const key of Object.keys(report)) doc[key] = key === 'findings' ? findings : report[key as keyof Report];
  return doc;
}

/** Stable JSON: paths as RFC 6901 pointers at this edge, everything else as in the Report. */
export const toJsonDocument = (report: Report): unknown =>
  withFindings(
    report,
    Array.from({ length: findingCount(report) }, (_, i) => toJsonFinding(findingAt(report, i))),
  );

/** Writes the JSON document finding by finding: the same bytes as `JSON.stringify(toJsonDocument(r), null, 2)`. */
export function streamJson(report: Report, out: Sink): void {
  const { before, after, indent } = splitJson(withFindings(report, PLACEHOLDER), PLACEHOLDER);
  out(before);
  writeJsonArray(out, indent, findingCount(report), (i) => toJsonFinding(findingAt(report, i)));
  out(`${after}\n`);
}

export const renderJson = collected(streamJson);
