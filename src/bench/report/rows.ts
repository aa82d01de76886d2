import { median } from '../stats.js';
import type { MetricSample } from '../../model/bench.js';
import { formatPct, formatValue } from './format.js';
import type { BenchReport } from './types.js';

/** One line of the results table, already formatted: shared by text, Markdown and HTML. */
export interface ResultRow {
  readonly metric: string;
  readonly subject: string;
  readonly median: string;
  readonly spread: string;
  readonly baseline: string;
  readonly change: string;
  readonly verdict: string;
  readonly gate: string;
}

const VERDICT_TEXT = {
  regressed: 'REGRESSED',
  improved: 'improved',
  unchanged: 'same',
  new: 'new',
  missing: 'missing',
} as const;

function groups(samples: readonly MetricSample[]): Map<string, MetricSample[]> {
  const out = new Map<string, MetricSample[]>();
  for (const s of samples)
    out.set(`${s.metric}\u0000${s.subject}`, [...(out.get(`${s.metric}\u0000${s.subject}`) ?? []), s]);
  return out;
}

/** Rows in metric, subject order: the run's median (min–max over repeats), the baseline, the change and gate. */
export function resultRows(r: BenchReport): readonly ResultRow[] {
  const cmp = new Map(r.comparison?.metrics.map((m) => [`${m.metric}\u0000${m.subject}`, m]) ?? []);
  const gates = new Map(r.gates.map((g) => [`${g.metric}\u0000${g.subject}`, g]));
  return [...groups(r.run.samples)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, g]) => {
      const first = g[0] as MetricSample;
      const values = g.map((s) => s.value);
      const c = cmp.get(k);
      const gate = gates.get(k);
      const limit = gate
        ? gate.gate.max !== undefined
          ? `≤ ${formatValue(gate.gate.max, first.unit)}`
          : `≥ ${formatValue(gate.gate.min ?? 0, first.unit)}`
        : '';
      return {
        metric: first.metric,
        subject: first.subject,
        median: formatValue(median(values), first.unit),
        spread:
          values.length > 1
            ? `${formatValue(Math.min(...values), first.unit)} – ${formatValue(Math.max(...values), first.unit)}`
            : '',
        baseline: c?.baselineMedian !== undefined ? formatValue(c.baselineMedian, first.unit) : '',
        change: c ? `${formatPct(c.changePct)}${c.p !== undefined ? ` (p=${c.p.toFixed(3)})` : ''}` : '',
        verdict: c ? VERDICT_TEXT[c.verdict] : '',
        gate: gate ? `${gate.passed ? 'pass' : 'FAIL'} ${limit}` : '',
      };
    });
}
