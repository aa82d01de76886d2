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

const INPUT_CODES = new Set(['parse-error', 'source-error', 'skipped-input', 'not-kubernetes']);

/** Exit code of a finished report: internal > input > findings > ok. */
export function exitCodeFor(report: Report, failOn: FailOn): ExitCode {
  if (report.diagnostics.some((d) => d.code === 'rule-error')) return EXIT.internal;
  if (report.diagnostics.some((d) => d.severity === 'error' && INPUT_CODES.has(d.code))) return EXIT.input;
  if (failOn === 'none') return EXIT.ok;
  const hit = report.findings.some((f) =>
    PRIORITIES.includes(failOn as Priority)
      ? f.priority !== undefined && PRIORITIES.indexOf(f.priority) <= PRIORITIES.indexOf(failOn as Priority)
      : severityRank(f.severity) <= severityRank(failOn as Severity),
  );
  return hit ? EXIT.findings : EXIT.ok;
}
