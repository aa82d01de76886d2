import { formatPath } from '../core/json-path.js';
import type { Severity } from '../engine/types.js';
import { formatRef } from '../model/object.js';
import type { Report } from './report.js';
import { isRightsizeSection, renderRightsizeText } from './rightsize.js';
import type { RenderOptions } from './types.js';
import { collected, findingAt, findingCount, groupPositions, positionsWhere, type Sink } from './stream.js';
import type { Finding } from '../engine/types.js';

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

const severityAt = (report: Report, i: number): Severity =>
  report.table ? report.table.severityOf(report.table.rowAt(i)) : report.findings[i]!.severity;

/** The object heading a finding is listed under: its object and, when it has one, its file. */
function objectKeyAt(report: Report, i: number): string {
  const t = report.table;
  if (!t) {
    const f = report.findings[i]!;
    return formatRef(f.object) + (f.source ? `  ${f.source.file}` : '');
  }
  const row = t.rowAt(i);
  const file = t.fileOf(row);
  return formatRef(t.locatedOf(row).ref) + (t.lineOf(row) > 0 && t.locatedOf(row).source ? `  ${file}` : '');
}

/** Human table: findings grouped by severity, then by object, with the file:line of each; written as it goes. */
export function streamText(report: Report, out: Sink, options: RenderOptions = {}): void {
  const paint = (c: keyof typeof COLORS, s: string) => (options.color ? `${COLORS[c]}${s}${RESET}` : s);
  const width = options.verbose ? undefined : options.width;
  const line = (s: string) => out(`${width === undefined ? s : fit(s, width)}\n`);
  const rightsize = report.sections?.['rightsize'];
  if (isRightsizeSection(rightsize)) for (const l of renderRightsizeText(rightsize, sanitize)) out(`${l}\n`); // tables stay whole
  const n = findingCount(report);
  for (const sev of ORDER) {
    const group = positionsWhere(n, (i) => severityAt(report, i) === sev);
    if (group.length === 0) continue;
    line(paint('bold', paint(sev, `${sev.toUpperCase()} (${group.length})`)));
    const groups = groupPositions(group, (i) => objectKeyAt(report, i));
    groups.keys.forEach((obj, g) => {
      line(`  ${sanitize(obj)}`);
      for (let k = groups.starts[g]!; k < groups.starts[g + 1]!; k++)
        out(`${findingLine(findingAt(report, groups.positions[k]!), sev, paint, width)}\n`);
    });
    line('');
  }
  const diags = report.diagnostics.filter((d) => d.severity !== 'info' || options.verbose);
  if (diags.length > 0) {
    line(paint('bold', `INPUT AND RULE PROBLEMS (${diags.length})`));
    const grouped = groupDiagnostics(diags);
    for (const g of grouped.slice(0, options.verbose ? grouped.length : 50))
      line(`  ${paint(g.severity, g.severity)} ${sanitize(diagnosticText(g, options.verbose === true))}`);
    if (!options.verbose && grouped.length > 50) line(`  … ${grouped.length - 50} more (use --verbose)`);
    line('');
  }
  line(summaryLine(report));
}

type Paint = (c: keyof typeof COLORS, s: string) => string;

/** Identical diagnostics (same severity, code, file and message) shown once, with the lines they were reported at. */
interface DiagnosticGroup {
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string;
  readonly lines: number[];
  count: number;
}

export function groupDiagnostics(diags: readonly Report['diagnostics'][number][]): DiagnosticGroup[] {
  const byKey = new Map<string, DiagnosticGroup>();
  for (const d of diags) {
    const key = `${d.severity}\0${d.code}\0${d.file ?? ''}\0${d.message}`;
    let g = byKey.get(key);
    if (!g) {
      g = {
        severity: d.severity,
        message: d.message,
        ...(d.file !== undefined ? { file: d.file } : {}),
        lines: [],
        count: 0,
      };
      byKey.set(key, g);
    }
    g.count++;
    if (d.line !== undefined && d.line > 0) g.lines.push(d.line);
  }
  return [...byKey.values()];
}

const SHOWN_LINES = 5;

/** "63× file:3: message (lines 3, 4, 9, 12, 15 and 58 more)"; the file:line is not repeated when the message starts with it. */
export function diagnosticText(g: DiagnosticGroup, verbose: boolean): string {
  const times = g.count > 1 ? `${g.count}× ` : '';
  const named = g.file !== undefined && g.message.startsWith(g.file);
  const where = g.file === undefined || named ? '' : `${g.file}${g.lines.length > 0 ? `:${g.lines[0]}` : ''}: `;
  let lines = '';
  if (g.count > 1 && g.lines.length > 1) {
    const shown = verbose ? g.lines : g.lines.slice(0, SHOWN_LINES);
    const rest = g.lines.length - shown.length;
    lines = ` (lines ${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''})`;
  }
  return `${times}${where}${g.message}${lines}`;
}

function findingLine(f: Finding, sev: Severity, paint: Paint, width?: number): string {
  const pr = f.priority ? `${f.priority} ` : '';
  const path = f.path.length ? `  ${formatPath(f.path)}` : '';
  const where = f.source ? `${String(f.source.line).padStart(5)}  ` : '       ';
  const rule = `[${f.ruleId}]`;
  const render = (message: string, at: string) =>
    `  ${f.source ? paint('dim', where) : where}${paint(sev, '●')} ${pr}${message} ${paint('dim', rule)}${at && paint('dim', at)}`;
  const message = sanitize(f.message);
  const fixed = 2 + where.length + 2 + pr.length + 1 + rule.length;
  if (width === undefined || fixed + message.length + path.length <= width) return render(message, path);
  // Too wide: drop the path (shown with -v), then shorten the message.
  if (fixed + message.length <= width) return render(message, '');
  const room = width - fixed - 1;
  return room >= 10 ? render(`${message.slice(0, room)}…`, '') : fit(render(message, ''), width);
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** Truncates a line to `width` visible columns with "…" (colour codes are dropped from a truncated line). */
export function fit(s: string, width: number): string {
  const plain = s.replace(ANSI, '');
  return plain.length <= width ? s : `${plain.slice(0, Math.max(0, width - 1))}…`;
}

export const renderText = collected(streamText);

/** "1 file", "2 files", "0 files". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function summaryLine(report: Report): string {
  const s = report.summary;
  const skipped = Object.entries(s.skipped)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  return (
    `${count(s.objects, 'object')}${s.files !== undefined ? ` from ${count(s.files, 'file')}` : ''}` +
    (skipped ? ` (skipped: ${skipped})` : '') +
    ` · ${count(s.findings, 'finding')}: ${count(s.bySeverity.error, 'error')}, ${count(s.bySeverity.warning, 'warning')}, ${s.bySeverity.info} info` +
    (s.errors ? ` · ${count(s.errors, 'input/rule error')}` : '') +
    ` · Kubernetes ${report.kubeVersion}, profile ${report.profile}`
  );
}
