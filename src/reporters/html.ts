/**
 * A self-contained HTML page: the findings table and, for `kubetune rightsize`, the recommendations and backtest.
 * Everything from the input is escaped.
 */
import { formatPath } from '../core/json-path.js';
import { formatRef } from '../model/object.js';
import type { Report } from './report.js';
import {
  BACKTEST_HEADER,
  backtestRows,
  isRightsizeSection,
  RIGHTSIZE_HEADER,
  rightsizeRows,
  rightsizeSummary,
} from './rightsize.js';
import { summaryLine } from './text.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const th = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${trs}\n</tbody>\n</table>`;
}

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;font-size:13px}' +
  'th,td{border:1px solid #ccc;padding:3px 6px;text-align:left}th{background:#f3f3f3}';

export function renderHtml(report: Report): string {
  const parts = [`<h1>kubetune ${escapeHtml(report.command)} report</h1>`, `<p>${escapeHtml(summaryLine(report))}</p>`];
  const rightsize = report.sections?.['rightsize'];
  if (isRightsizeSection(rightsize)) {
    parts.push(
      '<h2>Rightsizing</h2>',
      `<p>${escapeHtml(rightsizeSummary(rightsize))}</p>`,
      table(RIGHTSIZE_HEADER, rightsizeRows(rightsize)),
    );
    if (rightsize.backtest) parts.push('<h3>Backtest</h3>', table(BACKTEST_HEADER, backtestRows(rightsize)));
  }
  if (report.findings.length > 0) {
    const rows = report.findings.map((f) => [
      f.severity,
      f.priority ?? '',
      f.ruleId,
      formatRef(f.object),
      f.source ? `${f.source.file}:${f.source.line}` : '',
      f.path.length ? formatPath(f.path) : '',
      f.message,
    ]);
    parts.push(
      '<h2>Findings</h2>',
      table(['severity', 'priority', 'rule', 'object', 'location', 'path', 'message'], rows),
    );
  }
  if (report.diagnostics.length > 0) {
    parts.push(
      '<h2>Input and rule problems</h2>',
      `<ul>${report.diagnostics.map((d) => `<li>${escapeHtml(`${d.severity}: ${d.message}`)}</li>`).join('')}</ul>`,
    );
  }
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>kubetune ${escapeHtml(report.command)}</title><style>${STYLE}</style></head>\n<body>\n${parts.join('\n')}\n</body></html>\n`;
}
