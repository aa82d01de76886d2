import { resultRows } from './rows.js';
import { failedGates, regressions, type BenchReport } from './types.js';

const esc = (s: string): string => s.replace(/\|/g, '\\|');

/** Markdown for a pull request or a wiki page: the same table as text. */
export function renderBenchMarkdown(r: BenchReport): string {
  const rows = resultRows(r);
  const out = [
    `## kubetune bench ${r.run.suite} (${r.run.environment.target}) — run \`${r.run.id}\``,
    '',
    `${r.run.repeats} repeat(s), started ${r.run.startedAt}${r.comparison ? `, compared with ${r.comparison.baselineRunIds.map((id) => `\`${id}\``).join(', ')}` : ''}.`,
    '',
    '| metric | subject | median | min – max | baseline | change | verdict | gate |',
    '|---|---|---:|---|---:|---:|---|---|',
    ...rows.map(
      (x) =>
        `| ${[x.metric, x.subject, x.median, x.spread, x.baseline, x.change, x.verdict, x.gate].map(esc).join(' | ')} |`,
    ),
    '',
    `**${regressions(r).length} regression(s), ${failedGates(r).length} failed gate(s), ${r.run.failures.length} failed test(s).**`,
  ];
  for (const f of r.run.failures) out.push(`- failed: ${esc(f.test)} (repeat ${f.repeat + 1}): ${esc(f.reason)}`);
  for (const w of r.warnings) out.push(`- warning: ${esc(w)}`);
  return `${out.join('\n')}\n`;
}
