import { UsageError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { FAIL_ON_LEVELS, failsOn, isFailOn, type FailOn } from '../engine/fail-on.js';
import type { Report } from '../reporters/report.js';
import { EXIT, type ExitCode } from './exit-codes.js';

export type { FailOn } from '../engine/fail-on.js';

export function parseFailOn(s: string): FailOn {
  if (isFailOn(s)) return s;
  throw new UsageError(
    `--fail-on must be one of ${FAIL_ON_LEVELS.join(', ')} (got ${JSON.stringify(s)})${didYouMean(s, FAIL_ON_LEVELS)}`,
  );
}

/** Exit 4: some input was not read, or (findings-truncated) the report is partial. */
const INPUT_CODES = new Set(['parse-error', 'source-error', 'skipped-input', 'not-kubernetes', 'findings-truncated']);

/** Exit code of a finished report: internal > input > findings > ok (see engine/fail-on.ts for --fail-on). */
export function exitCodeFor(report: Report, failOn: FailOn): ExitCode {
  if (report.diagnostics.some((d) => d.code === 'rule-error')) return EXIT.internal;
  if (report.diagnostics.some((d) => d.severity === 'error' && INPUT_CODES.has(d.code))) return EXIT.input;
  if (failOn === 'none') return EXIT.ok;
  const t = report.table; // read the compact table when there is one: no finding is materialised
  let hit = false;
  if (t)
    for (let row = 0; row < t.length && !hit; row++) {
      const priority = t.priorityOf(row);
      hit = failsOn({ severity: t.severityOf(row), ...(priority ? { priority } : {}) }, failOn);
    }
  else hit = report.findings.some((f) => failsOn(f, failOn));
  return hit ? EXIT.findings : EXIT.ok;
}
