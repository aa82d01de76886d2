import { UsageError } from '../core/errors.js';
import { severityRank, SEVERITIES, type Priority, type Severity } from '../engine/types.js';
import type { Report } from '../reporters/report.js';
import { EXIT, type ExitCode } from './exit-codes.js';

export type FailOn = Severity | Priority | 'none';
const PRIORITIES: readonly Priority[] = ['P0', 'P1', 'P2'];

export function parseFailOn(s: string): FailOn {
  if (s === 'none' || SEVERITIES.includes(s as Severity) || PRIORITIES.includes(s as Priority)) return s as FailOn;
  throw new UsageError(
    `--fail-on must be one of none, ${SEVERITIES.join(', ')}, ${PRIORITIES.join(', ')} (got ${JSON.stringify(s)})`,
  );
}

/** Exit 4: some input was not read, or (findings-truncated) the report is partial. */
const INPUT_CODES = new Set(['parse-error', 'source-error', 'skipped-input', 'not-kubernetes', 'findings-truncated']);

/** Exit code of a finished report: internal > input > findings > ok. */
export function exitCodeFor(report: Report, failOn: FailOn): ExitCode {
  if (report.diagnostics.some((d) => d.code === 'rule-error')) return EXIT.internal;
  if (report.diagnostics.some((d) => d.severity === 'error' && INPUT_CODES.has(d.code))) return EXIT.input;
  if (failOn === 'none') return EXIT.ok;
  const atOrAbove = (severity: Severity, priority: Priority | undefined): boolean =>
    PRIORITIES.includes(failOn as Priority)
      ? priority !== undefined && PRIORITIES.indexOf(priority) <= PRIORITIES.indexOf(failOn as Priority)
      : severityRank(severity) <= severityRank(failOn as Severity);
  const t = report.table; // read the compact table when there is one: no finding is materialised
  let hit = false;
  if (t) for (let row = 0; row < t.length && !hit; row++) hit = atOrAbove(t.severityOf(row), t.priorityOf(row));
  else hit = report.findings.some((f) => atOrAbove(f.severity, f.priority));
  return hit ? EXIT.findings : EXIT.ok;
}
