import { formatPath } from '../core/json-path.js';
import { formatRef } from '../model/object.js';
import type { Finding } from '../engine/types.js';
import type { Report } from './report.js';
import { collected, findingAt, findingCount, groupPositions, positionsWhere, type Sink } from './stream.js';

/** Escapes text for XML attributes and content, dropping characters XML 1.0 forbids. */
export const xmlEscape = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

function testCase(ruleId: string, f: Finding): string {
  const name = xmlEscape(`${formatRef(f.object)}${f.path.length ? ` ${formatPath(f.path)}` : ''}`);
  const where = f.source ? `${f.source.file}:${f.source.line}` : '';
  const body = xmlEscape(`${f.message}${where ? `\n${where}` : ''}`);
  const inner =
    f.severity === 'error'
      ? `<failure message="${xmlEscape(f.message)}" type="${f.severity}">${body}</failure>`
      : `<system-out>${xmlEscape(f.severity)}: ${body}</system-out>`;
  return `    <testcase classname="${xmlEscape(ruleId)}" name="${name}"${where ? ` file="${xmlEscape(f.source!.file)}"` : ''}>${inner}</testcase>`;
}

const ruleIdAt = (report: Report, i: number): string =>
  report.table ? report.table.ruleOf(report.table.rowAt(i)).id : report.findings[i]!.ruleId;
const isErrorAt = (report: Report, i: number): boolean =>
  (report.table ? report.table.severityOf(report.table.rowAt(i)) : report.findings[i]!.severity) === 'error';

/** JUnit XML: one suite per rule with findings, one failing test case per finding; written suite by suite. */
export function streamJunit(report: Report, out: Sink): void {
  const n = findingCount(report);
  const groups = groupPositions(
    positionsWhere(n, () => true),
    (i) => ruleIdAt(report, i),
  );
  const ruleErrors = report.diagnostics.filter((d) => d.severity === 'error');
  const total = n + ruleErrors.length;
  const failures = report.summary.bySeverity.error;
  out(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kubetune ${xmlEscape(report.command)}" tests="${total}" failures="${failures}" errors="${ruleErrors.length}">\n`,
  );
  let suites = 0;
  groups.keys.forEach((ruleId, g) => {
    const [from, to] = [groups.starts[g]!, groups.starts[g + 1]!];
    let fails = 0;
    for (let k = from; k < to; k++) if (isErrorAt(report, groups.positions[k]!)) fails++;
    out(
      `${suites++ ? '\n' : ''}  <testsuite name="${xmlEscape(ruleId)}" tests="${to - from}" failures="${fails}" errors="0" skipped="0">\n`,
    );
    for (let k = from; k < to; k++)
      out(`${testCase(ruleId, findingAt(report, groups.positions[k]!))}${k < to - 1 ? '\n' : ''}`);
    out('\n  </testsuite>');
  });
  if (ruleErrors.length > 0) {
    const cases = ruleErrors.map(
      (d) =>
        `    <testcase classname="kubetune" name="${xmlEscape(d.code)}"><error message="${xmlEscape(d.message)}"/></testcase>`,
    );
    out(
      `${suites++ ? '\n' : ''}  <testsuite name="kubetune-input" tests="${cases.length}" failures="0" errors="${cases.length}" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  out(`${suites ? '\n' : ''}</testsuites>\n`);
}

export const renderJunit = collected(streamJunit);
