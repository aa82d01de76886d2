/**
 * Renders `Report.sections.rightsize` (written by `kubetune rightsize`) for the text and Markdown reporters:
 * current vs recommended per container with the evidence, ranked by drift, the totals and the backtest side by side.
 * The section's shape is declared here as the reporters' contract; the command fills it.
 */
import { formatBytes, formatCpu, humanBytes } from '../core/units.js';

export interface RightsizeValues {
  readonly cpuRequest?: number;
  readonly cpuLimit?: number;
  readonly memoryRequest?: number;
  readonly memoryLimit?: number;
}

export interface RightsizeRow {
  readonly workload: { readonly namespace: string; readonly kind: string; readonly name: string };
  readonly container: string;
  readonly role: string;
  readonly status: string;
  readonly current: RightsizeValues;
  readonly recommended?: RightsizeValues;
  readonly evidence?: {
    readonly cpu: { readonly p95?: number; readonly max?: number };
    readonly memory: { readonly p50?: number; readonly max?: number };
    readonly coverage: { readonly points: number; readonly hours: number; readonly pods: number };
    readonly throttledShare?: number;
    readonly oomKills: number;
  };
  readonly reasons: readonly { readonly code: string }[];
  readonly runtime: readonly { readonly setting: string; readonly where: string; readonly to: string }[];
  readonly savings?: { readonly cpuCores: number; readonly memoryGiB: number; readonly monthlyCost: number };
}

export interface RightsizeBacktestView {
  readonly strategy: string;
  readonly totals: {
    readonly oomSamples: number;
    readonly containersWithOom: number;
    readonly throttledMinutes: number;
    readonly containersThrottled: number;
    readonly notEnoughData: number;
    readonly savings: { readonly cpuCores: number; readonly memoryGiB: number; readonly monthlyCost: number };
  };
}

export interface RightsizeSection {
  readonly strategy: string;
  readonly window: { readonly start: string; readonly end: string; readonly resolutionSeconds: number };
  readonly currency: string;
  readonly queries: number;
  readonly recommendations: readonly RightsizeRow[];
  readonly totals: {
    readonly containers: number;
    readonly recommended: number;
    readonly notEnoughData: number;
    readonly noData: number;
    readonly savings: { readonly cpuCores: number; readonly memoryGiB: number; readonly monthlyCost: number };
  };
  readonly backtest?: { readonly strategies: readonly RightsizeBacktestView[] };
}

export const isRightsizeSection = (v: unknown): v is RightsizeSection =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as RightsizeSection).recommendations) &&
  typeof (v as RightsizeSection).strategy === 'string';

const cpu = (m: number | undefined): string => (m === undefined ? '-' : formatCpu(m));
const mem = (b: number | undefined): string => (b === undefined ? '-' : formatBytes(b));
const milli = (m: number | undefined): string => (m === undefined ? '-' : `${m < 10 ? m.toFixed(1) : Math.round(m)}m`);
const human = (b: number | undefined): string => (b === undefined ? '-' : humanBytes(b));
const pair = (req: string, lim: string): string => `${req}/${lim}`;
const signed = (n: number, digits: number): string => `${n >= 0 ? '' : '-'}${Math.abs(n).toFixed(digits)}`;

export const RIGHTSIZE_HEADER = [
  'workload',
  'container',
  'status',
  'cpu req/lim now',
  'cpu req/lim new',
  'mem req/lim now',
  'mem req/lim new',
  'cpu p95/peak',
  'mem p50/peak',
  'coverage',
  'saved/month',
  'why',
] as const;

/** One table row per container, ranked as the section lists them (drift first). */
export function rightsizeRows(section: RightsizeSection): string[][] {
  return section.recommendations.map((r) => {
    const c = r.current;
    const n = r.recommended;
    const e = r.evidence;
    const why =
      [...new Set(r.reasons.map((x) => x.code))].join(',') +
      (r.runtime.length ? `; ${r.runtime.map((x) => `${x.where}=${x.to}`).join(' ')}` : '');
    return [
      `${r.workload.kind}/${r.workload.namespace}/${r.workload.name}`,
      r.role === 'app' ? r.container : `${r.container} (${r.role})`,
      r.status,
      pair(cpu(c.cpuRequest), cpu(c.cpuLimit)),
      n ? pair(cpu(n.cpuRequest), cpu(n.cpuLimit)) : '',
      pair(mem(c.memoryRequest), mem(c.memoryLimit)),
      n ? pair(mem(n.memoryRequest), mem(n.memoryLimit)) : '',
      e ? pair(milli(e.cpu.p95), milli(e.cpu.max)) : '',
      e ? pair(human(e.memory.p50), human(e.memory.max)) : '',
      e ? `${e.coverage.points} pts, ${e.coverage.hours.toFixed(1)} h, ${e.coverage.pods} pods` : '',
      r.savings ? `${signed(r.savings.monthlyCost, 2)} ${section.currency}` : '',
      why,
    ];
  });
}

export function rightsizeSummary(section: RightsizeSection): string {
  const t = section.totals;
  return (
    `rightsize (${section.strategy}) ${section.window.start} → ${section.window.end}: ${t.recommended}/${t.containers} containers recommended` +
    (t.notEnoughData ? `, ${t.notEnoughData} not enough data` : '') +
    (t.noData ? `, ${t.noData} no data` : '') +
    ` · saves ${signed(t.savings.cpuCores, 2)} cores, ${signed(t.savings.memoryGiB, 2)} GiB, ${signed(t.savings.monthlyCost, 2)} ${section.currency}/month` +
    ` · ${section.queries} Prometheus queries`
  );
}

export const BACKTEST_HEADER = [
  'strategy',
  'simulated OOM kills (samples)',
  'containers OOM',
  'throttled minutes',
  'containers throttled',
  'cores saved',
  'GiB saved',
  'saved/month',
  'not enough data',
] as const;

export function backtestRows(section: RightsizeSection): string[][] {
  return (section.backtest?.strategies ?? []).map((s) => [
    s.strategy,
    String(s.totals.oomSamples),
    String(s.totals.containersWithOom),
    s.totals.throttledMinutes.toFixed(0),
    String(s.totals.containersThrottled),
    signed(s.totals.savings.cpuCores, 2),
    signed(s.totals.savings.memoryGiB, 2),
    `${signed(s.totals.savings.monthlyCost, 2)} ${section.currency}`,
    String(s.totals.notEnoughData),
  ]);
}

/** A plain aligned table for terminals. */
export function alignTable(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function renderRightsizeText(section: RightsizeSection, sanitize: (s: string) => string): string[] {
  const out = alignTable(RIGHTSIZE_HEADER, rightsizeRows(section)).map(sanitize);
  if (section.backtest)
    out.push(
      '',
      'BACKTEST (learn on the first part of the window, replay the rest)',
      ...alignTable(BACKTEST_HEADER, backtestRows(section)),
    );
  out.push('', rightsizeSummary(section), '');
  return out;
}

export function renderRightsizeMarkdown(section: RightsizeSection, cell: (s: string) => string): string[] {
  const table = (header: readonly string[], rows: readonly string[][]) => [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
  const out = [
    '## Rightsizing',
    '',
    rightsizeSummary(section),
    '',
    ...table(RIGHTSIZE_HEADER, rightsizeRows(section)),
    '',
  ];
  if (section.backtest) out.push('### Backtest', '', ...table(BACKTEST_HEADER, backtestRows(section)), '');
  return out;
}
