import { formatPath } from '../core/json-path.js';
import type { Severity } from '../engine/types.js';
import { formatRef } from '../model/object.js';
import type { Report } from './report.js';
import { isRightsizeSection, renderRightsizeText } from './rightsize.js';
import type { RenderOptions } from './types.js';
import { groupBy } from '../core/collections.js';

const COLORS: Readonly<Record<Severity | 'dim' | 'bold', string>> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
};
const RESET = '\x1b[0m';
const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** Strips control characters so that object names from hostile input cannot drive the terminal. */
export const sanitize = (s: string): string => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');

/** Human table: findings grouped by severity, then by object, with the file:line of each. */
export function renderText(report: Report, options: RenderOptions = {}): string {
  const paint = (c: keyof typeof COLORS, s: string) => (options.color ? `${COLORS[c]}${s}${RESET}` : s);
  const lines: string[] = [];
  const rightsize = report.sections?.['rightsize'];
  if (isRightsizeSection(rightsize)) lines.push(...renderRightsizeText(rightsize, sanitize));
  for (const sev of ORDER) {
    const group = report.findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    lines.push(paint('bold', paint(sev, `${sev.toUpperCase()} (${group.length})`)));
    const byObject = groupBy(group, (f): string => formatRef(f.object) + (f.source ? `  ${f.source.file}` : ''));
    for (const [obj, fs] of byObject) {
      lines.push(`  ${sanitize(obj)}`);
      for (const f of fs) {
        const pr = f.priority ? `${f.priority} ` : '';
        const at = f.path.length ? paint('dim', `  ${formatPath(f.path)}`) : '';
        const line = f.source ? paint('dim', `${String(f.source.line).padStart(5)}  `) : '       ';
        lines.push(`  ${line}${paint(sev, '●')} ${pr}${sanitize(f.message)} ${paint('dim', `[${f.ruleId}]`)}${at}`);
      }
    }
    lines.push('');
  }
  const diags = report.diagnostics.filter((d) => d.severity !== 'info' || options.verbose);
  if (diags.length > 0) {
    lines.push(paint('bold', `INPUT AND RULE PROBLEMS (${diags.length})`));
    for (const d of diags.slice(0, options.verbose ? diags.length : 50))
      lines.push(`  ${paint(d.severity, d.severity)} ${sanitize(d.message)}`);
    if (!options.verbose && diags.length > 50) lines.push(`  … ${diags.length - 50} more (use --verbose)`);
    lines.push('');
  }
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

export function summaryLine(report: Report): string {
  const s = report.summary;
  const skipped = Object.entries(s.skipped)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  return (
    `${s.objects} objects${s.files !== undefined ? ` from ${s.files} files` : ''}` +
    (skipped ? ` (skipped: ${skipped})` : '') +
    ` · ${s.findings} findings: ${s.bySeverity.error} errors, ${s.bySeverity.warning} warnings, ${s.bySeverity.info} info` +
    (s.errors ? ` · ${s.errors} input/rule errors` : '') +
    ` · Kubernetes ${report.kubeVersion}, profile ${report.profile}`
  );
}
