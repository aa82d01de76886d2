import { formatPath } from '../core/json-path.js';
import { formatRef } from '../model/object.js';
import type { Report } from './report.js';
import { isRightsizeSection, renderRightsizeMarkdown } from './rightsize.js';
import { summaryLine } from './text.js';

/** Escapes text for a Markdown table cell. */
export const mdCell = (s: string): string =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/\r?\n/g, ' ');

export function renderMarkdown(report: Report): string {
  const out = [`# kubetune ${report.command} report`, '', summaryLine(report), ''];
  const rightsize = report.sections?.['rightsize'];
  if (isRightsizeSection(rightsize)) out.push(...renderRightsizeMarkdown(rightsize, mdCell));
  if (report.findings.length > 0) {
    out.push('| severity | priority | rule | object | location | message |', '|---|---|---|---|---|---|');
    for (const f of report.findings) {
      const loc = f.source ? `${f.source.file}:${f.source.line}` : '';
      const path = f.path.length ? ` \`${formatPath(f.path)}\`` : '';
      out.push(
        `| ${f.severity} | ${f.priority ?? ''} | [${mdCell(f.ruleId)}](${report.rules.find((r) => r.id === f.ruleId)?.docsUrl ?? ''}) | ${mdCell(formatRef(f.object))} | ${mdCell(loc)}${path} | ${mdCell(f.message)} |`,
      );
    }
    out.push('');
  }
  if (report.diagnostics.length > 0) {
    out.push('## Input and rule problems', '');
    for (const d of report.diagnostics) out.push(`- **${d.severity}** ${mdCell(d.message)}`);
    out.push('');
  }
  return out.join('\n');
}
