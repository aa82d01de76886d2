import { toPointer } from '../core/json-path.js';
import type { Report } from './report.js';

/** Stable JSON: paths as RFC 6901 pointers at this edge, everything else as in the Report. */
export function toJsonDocument(report: Report): unknown {
  return {
    ...report,
    findings: report.findings.map((f) => ({
      ...f,
      path: toPointer(f.path),
      ...(f.fix ? { fix: f.fix.map((op) => ({ ...op, path: toPointer(op.path) })) } : {}),
      ...(f.itemPath ? { itemPath: toPointer(f.itemPath) } : {}),
    })),
  };
}

export const renderJson = (report: Report): string => JSON.stringify(toJsonDocument(report), null, 2) + '\n';
