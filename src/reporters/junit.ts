import { formatPath } from '../core/json-path.js';
import { formatRef } from '../model/object.js';
import type { Report } from './report.js';
import { groupBy } from '../core/collections.js';

/** Escapes text for XML attributes and content, dropping characters XML 1.0 forbids. */
export const xmlEscape = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** JUnit XML: one suite per rule with findings, one failing test case per finding. */
export function renderJunit(report: Report): string {
  const byRule = groupBy(report.findings, (f): string => f.ruleId);
  const suites: string[] = [];
  for (const [ruleId, fs] of byRule) {
    const failures = fs.filter((f) => f.severity === 'error').length;
    const cases = fs.map((f) => {
      const name = xmlEscape(`${formatRef(f.object)}${f.path.length ? ` ${formatPath(f.path)}` : ''}`);
      const where = f.source ? `${f.source.file}:${f.source.line}` : '';
      const body = xmlEscape(`${f.message}${where ? `\n${where}` : ''}`);
      const tag = f.severity === 'error' ? 'failure' : 'system-out';
      const inner =
        tag === 'failure'
          ? `<failure message="${xmlEscape(f.message)}" type="${f.severity}">${body}</failure>`
          : `<system-out>${xmlEscape(f.severity)}: ${body}</system-out>`;
      return `    <testcase classname="${xmlEscape(ruleId)}" name="${name}"${where ? ` file="${xmlEscape(f.source!.file)}"` : ''}>${inner}</testcase>`;
    });
    suites.push(
      `  <testsuite name="${xmlEscape(ruleId)}" tests="${fs.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const ruleErrors = report.diagnostics.filter((d) => d.severity === 'error');
  if (ruleErrors.length > 0) {
    const cases = ruleErrors.map(
      (d) =>
        `    <testcase classname="kubetune" name="${xmlEscape(d.code)}"><error message="${xmlEscape(d.message)}"/></testcase>`,
    );
    suites.push(
      `  <testsuite name="kubetune-input" tests="${cases.length}" failures="0" errors="${cases.length}" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const total = report.findings.length + ruleErrors.length;
  const failures = report.summary.bySeverity.error;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kubetune ${xmlEscape(report.command)}" tests="${total}" failures="${failures}" errors="${ruleErrors.length}">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}
