import { median } from '../stats.js';
import type { BenchRun } from '../../model/bench.js';
import { resultRows } from './rows.js';
import { failedGates, regressions, type BenchReport } from './types.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Median per run of one metric × subject, oldest first. */
function series(runs: readonly BenchRun[], metric: string, subject: string): { id: string; value: number }[] {
  return runs.flatMap((run) => {
    const v = run.samples.filter((s) => s.metric === metric && s.subject === subject).map((s) => s.value);
    return v.length > 0 ? [{ id: run.id, value: median(v) }] : [];
  });
}

/** An inline SVG line chart of a metric across runs (no script, no external asset). */
function chart(points: readonly { id: string; value: number }[]): string {
  if (points.length < 2) return '';
  const w = 240;
  const h = 48;
  const max = Math.max(...points.map((p) => p.value));
  const min = Math.min(...points.map((p) => p.value));
  const span = max - min || 1;
  const xy = points.map(
    (p, i) =>
      `${((i / (points.length - 1)) * (w - 8) + 4).toFixed(1)},${(h - 4 - ((p.value - min) / span) * (h - 8)).toFixed(1)}`,
  );
  const titles = points.map((p) => esc(`${p.id}: ${p.value.toPrecision(4)}`)).join('&#10;');
  return `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img"><title>${titles}</title><polyline fill="none" stroke="#2563eb" stroke-width="2" points="${xy.join(' ')}"/></svg>`;
}

/** A standalone HTML page: the results table with a chart of each metric across the runs in `history`. */
export function renderBenchHtml(r: BenchReport): string {
  const runs = [...(r.history ?? []).filter((h) => h.id !== r.run.id), r.run];
  const rows = resultRows(r).map((x) => {
    const cells = [x.metric, x.subject, x.median, x.spread, x.baseline, x.change, x.verdict, x.gate]
      .map((c) => `<td>${esc(c)}</td>`)
      .join('');
    const bad = x.verdict === 'REGRESSED' || x.gate.startsWith('FAIL');
    return `<tr${bad ? ' class="bad"' : ''}>${cells}<td>${chart(series(runs, x.metric, x.subject))}</td></tr>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kubetune bench ${esc(r.run.id)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left}tr.bad td{background:#fee2e2}</style></head>
<body><h1>kubetune bench ${esc(r.run.suite)} (${esc(r.run.environment.target)})</h1>
<p>Run <code>${esc(r.run.id)}</code>, ${r.run.repeats} repeat(s), ${esc(r.run.startedAt)}. ${regressions(r).length} regression(s), ${failedGates(r).length} failed gate(s), ${r.run.failures.length} failed test(s).</p>
<table><thead><tr><th>metric</th><th>subject</th><th>median</th><th>min – max</th><th>baseline</th><th>change</th><th>verdict</th><th>gate</th><th>across runs</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${r.run.failures.map((f) => `<p>failed: ${esc(f.test)} (repeat ${f.repeat + 1}): ${esc(f.reason)}</p>`).join('\n')}
${r.warnings.map((w) => `<p>warning: ${esc(w)}</p>`).join('\n')}
</body></html>
`;
}
