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
  readonly gap?: {
    readonly observedHours: number;
    readonly neededHours: number;
    readonly observedPoints: number;
    readonly neededPoints: number;
    readonly missingSeries: readonly string[];
  };
  readonly tradeoff?: {
    readonly neededRatio: number;
    readonly maxRatio: number;
    readonly chosen: string;
    readonly options: readonly {
      readonly option: string;
      readonly cpuRequest: number;
      readonly cpuLimit?: number;
      readonly monthlyCost: number;
    }[];
  };
}

export interface RightsizeBacktestView {
  readonly strategy: string;
  readonly label?: string;
  readonly drivers?: {
    readonly cost: readonly string[];
    readonly oom: readonly string[];
    readonly throttled: readonly string[];
  };
  readonly totals: {
    readonly monthlyCost?: number;
    readonly throttledShare?: number;
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

/** Why a container got no recommendation: observed against needed, and the series with no samples. */
export function gapText(g: NonNullable<RightsizeRow['gap']>): string {
  const parts = [
    `${g.observedHours.toFixed(1)} h of ${g.neededHours} h needed`,
    `${g.observedPoints} of ${g.neededPoints} points`,
  ];
  if (g.missingSeries.length) parts.push(`no samples of ${g.missingSeries.join(', ')}`);
  return parts.join(', ');
}

/** One table row per container, ranked as the section lists them (drift first). */
export function rightsizeRows(section: RightsizeSection): string[][] {
  return section.recommendations.map((r) => {
    const c = r.current;
    const n = r.recommended;
    const e = r.evidence;
    const why = r.gap
      ? gapText(r.gap)
      : [...new Set(r.reasons.map((x) => x.code))].join(',') +
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
  'cost/month',
  'simulated OOM kills (samples)',
  'containers OOM',
  'throttled minutes',
  'containers throttled',
  'saved/month',
  'not enough data',
  'driven by',
] as const;

const shortName = (key: string): string => key.split('/').slice(2).join('/');

/** The containers that drive a strategy's cost, OOM samples and throttling. */
function driversText(s: RightsizeBacktestView): string {
  const d = s.drivers;
  if (!d) return '';
  const part = (label: string, list: readonly string[]) =>
    list.length ? `${label} ${list.map(shortName).join(', ')}` : '';
  return [part('cost:', d.cost), part('OOM:', d.oom), part('throttled:', d.throttled)].filter(Boolean).join('; ');
}

export function backtestRows(section: RightsizeSection): string[][] {
  return (section.backtest?.strategies ?? []).map((s) => [
    s.label ?? s.strategy,
    s.totals.monthlyCost === undefined ? '' : `${s.totals.monthlyCost.toFixed(2)} ${section.currency}`,
    String(s.totals.oomSamples),
    String(s.totals.containersWithOom),
    s.totals.throttledMinutes.toFixed(0) +
      (s.totals.throttledShare === undefined ? '' : ` (${(s.totals.throttledShare * 100).toFixed(2)}%)`),
    String(s.totals.containersThrottled),
    `${signed(s.totals.savings.monthlyCost, 2)} ${section.currency}`,
    String(s.totals.notEnoughData),
    driversText(s),
  ]);
}

/** Containers whose bursty CPU forced a choice: both options and their cost. */
export function tradeoffLines(section: RightsizeSection): string[] {
  return section.recommendations.flatMap((r) => {
    const t = r.tradeoff;
    if (!t) return [];
    const options = t.options.map(
      (o) =>
        `${o.option === t.chosen ? '*' : ''}${o.option} ${cpu(o.cpuRequest)}/${cpu(o.cpuLimit)} ${o.monthlyCost.toFixed(2)} ${section.currency}/month`,
    );
    return [
      `${r.workload.kind}/${r.workload.namespace}/${r.workload.name} ${r.container}: a limit absorbing the peak is ${t.neededRatio}x the p95 (max ${t.maxRatio}x): ${options.join(' vs ')}`,
    ];
  });
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
  const tradeoffs = tradeoffLines(section);
  if (tradeoffs.length) out.push('', 'CPU TRADE-OFFS (request req/limit; * = recommended)', ...tradeoffs.map(sanitize));
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
  const tradeoffs = tradeoffLines(section);
  if (tradeoffs.length) out.push('### CPU trade-offs', '', ...tradeoffs.map((t) => `- ${cell(t)}`), '');
  if (section.backtest) out.push('### Backtest', '', ...table(BACKTEST_HEADER, backtestRows(section)), '');
  return out;
}
