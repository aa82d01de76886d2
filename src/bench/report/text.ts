import { formatPct, formatValue } from './format.js';
import { resultRows, type ResultRow } from './rows.js';
import { failedGates, regressions, type BenchReport } from './types.js';

const COLUMNS: readonly (readonly [keyof ResultRow, string])[] = [
  ['metric', 'metric'],
  ['subject', 'subject'],
  ['median', 'median'],
  ['spread', 'min – max'],
  ['baseline', 'baseline'],
  ['change', 'change'],
  ['verdict', 'verdict'],
  ['gate', 'gate'],
];

/** A fixed-width table; columns that are empty in every row are left out. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cols = header.map((_, i) => i).filter((i) => rows.some((r) => (r[i] ?? '') !== ''));
  const widths = cols.map((i) => Math.max((header[i] ?? '').length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, j) => c.padEnd(widths[j] ?? 0))
      .join('  ')
      .trimEnd();
  const pick = (r: readonly string[]): string[] => cols.map((i) => r[i] ?? '');
  return [line(pick(header)), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(pick(r)))].join('\n');
}

const table = (rows: readonly ResultRow[]): string =>
  textTable(
    COLUMNS.map(([, h]) => h),
    rows.map((r) => COLUMNS.map(([k]) => r[k])),
  );

/** The report a person reads in a terminal: the table, then failures, gates that failed, regressions and warnings. */
export function renderBenchText(r: BenchReport): string {
  const run = r.run;
  const out = [
    `kubetune bench ${run.suite} (${run.environment.target}) run ${run.id}, ${run.repeats} repeat(s), ${run.startedAt}`,
    '',
  ];
  out.push(run.samples.length > 0 ? table(resultRows(r)) : 'no metric was measured');
  if (r.comparison) out.push('', `compared with ${r.comparison.baselineRunIds.join(', ')}`);
  else out.push('', 'no earlier comparable run: this run is the baseline for the next one');
  for (const f of run.failures) out.push(`FAILED ${f.test} (repeat ${f.repeat + 1}): ${f.reason}`);
  for (const g of failedGates(r))
    out.push(
      `GATE ${g.metric} ${g.subject}: ${formatValue(g.median, g.unit)} is ${g.overPct.toFixed(0)}% past ${g.gate.max !== undefined ? `≤ ${formatValue(g.gate.max, g.unit)}` : `≥ ${formatValue(g.gate.min ?? 0, g.unit)}`} (${g.gate.source})`,
    );
  for (const m of regressions(r))
    out.push(
      `REGRESSION ${m.metric} ${m.subject}: ${formatPct(m.changePct)} (${m.evidence === 'mann-whitney' ? `p=${(m.p ?? 1).toFixed(3)}, noise ±${(m.noiseBandPct ?? 0).toFixed(1)}%` : 'single sample each: rerun with --repeat 5 to confirm'}, min effect ${m.minEffectPct}%)`,
    );
  for (const w of r.warnings) out.push(`warning: ${w}`);
  return `${out.join('\n')}\n`;
}
