/** Text and Markdown for `kubetune predict`: accuracy table, what-if answers, capacity plan, stored models. */
import { adviceFor, fmtS } from './advice.js';
import type { ResourceOutlook } from './capacity.js';
import type { LatencyModel } from './model.js';
import type { Scores } from './stats.js';
import type { WhatIf } from './whatif.js';

const pct = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '-');
const r2 = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '-');
const row = (name: string, s: Scores): string =>
  `    ${name.padEnd(9)} MAE ${fmtS(s.mae).padStart(8)}  MAPE ${pct(s.mape).padStart(6)}  R² ${r2(s.r2).padStart(5)}`;

export function renderTraining(model: LatencyModel): string {
  const w = model.window;
  const lines = [
    `Model ${model.id} (${model.learner}, seed ${model.seed})`,
    `Window ${new Date(w.startSeconds * 1000).toISOString()} → ${new Date(w.endSeconds * 1000).toISOString()}, step ${w.stepSeconds}s`,
    `Features (${model.features.length}): ${model.features.join(', ') || 'none'}`,
  ];
  if (model.droppedFeatures.length)
    lines.push(
      `Left out (no data, too little, or constant): ${model.droppedFeatures.map((d) => `${d.feature} ${pct(d.coverage)}`).join(', ')}`,
    );
  lines.push('', 'Accuracy on the last 20% of the window (never seen in training):');
  for (const c of model.classes) {
    if (c.status === 'ok') {
      lines.push(
        `  ${c.verbClass}: ${c.rows} rows (${c.trainRows} to learn), coverage ${pct(c.coverage)}, predicting with the ${c.selected} model`,
      );
      lines.push(row('forest', c.scores.forest), row('linear', c.scores.linear), row('constant', c.scores.constant));
      lines.push(
        `    drivers: ${c.importance
          .slice(0, 4)
          .map((i) => `${i.feature} +${pct(i.increase)}`)
          .join(', ')}`,
      );
    } else {
      lines.push(`  ${c.verbClass}: REFUSED — ${c.reason} (${c.rows} rows, coverage ${pct(c.coverage)})`);
      if (c.scores)
        lines.push(row('forest', c.scores.forest), row('linear', c.scores.linear), row('constant', c.scores.constant));
    }
  }
  return lines.join('\n') + '\n';
}

export function renderWhatIf(model: LatencyModel, result: WhatIf): string {
  const lines = [`What if ${result.changes.map((c) => c.text).join(', ') || '(nothing changes)'} — model ${model.id}`];
  for (const i of result.ignored) lines.push(`  ignored: ${i}`);
  for (const e of result.extrapolated)
    lines.push(
      `  warning: ${e.change} goes to ${e.value.toPrecision(4)}, outside the trained range ${e.min.toPrecision(4)}…${e.max.toPrecision(4)}: ` +
        'an extrapolation (a linear model continues the trend, a forest stays at the edge of what it saw: a lower bound); the interval does not cover it',
    );
  for (const c of result.classes) {
    if (c.status !== 'ok') {
      lines.push(`  ${c.verbClass.padEnd(12)} refused: ${c.reason}`);
      continue;
    }
    const [lo, hi] = c.interval!;
    lines.push(
      `  ${c.verbClass.padEnd(12)} p99 ${fmtS(c.now!)} → ${fmtS(c.predicted!)} (90% interval ${fmtS(lo)}…${fmtS(hi)}); SLO ${c.sloScope}: ${c.sloHolds ? 'holds' : 'AT RISK'}` +
        ` [${c.model}]` +
        (c.driver
          ? `; driven by ${c.driver.change} (${c.driver.effectSeconds >= 0 ? '+' : '−'}${fmtS(Math.abs(c.driver.effectSeconds))})`
          : ''),
    );
  }
  const advice = adviceFor(model, result);
  if (advice.length)
    lines.push(
      '',
      'Recommendations:',
      ...advice.map((a) => `  - ${a.text} (see: ${a.rules.map((r) => `kubetune explain ${r}`).join(', ')})`),
    );
  return lines.join('\n') + '\n';
}

const amount = (o: ResourceOutlook, v: number): string =>
  o.resource === 'cpu' ? `${v.toFixed(1)} cores` : `${(v / 2 ** 30).toFixed(1)} GiB`;

export function renderCapacityMarkdown(outlook: readonly ResourceOutlook[], missing: readonly string[]): string {
  const lines = [
    '# Capacity outlook',
    '',
    'Trend of the last window (least squares), against allocatable with the largest node down (N-1); requests include what HPAs at their maximum would add.',
    '',
    '| resource | measure | now | + HPAs at max | trend per day | N-1 allocatable | days left |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const o of outlook)
    lines.push(
      `| ${o.resource} | ${o.measure} | ${amount(o, o.now)} | ${amount(o, o.hpaExtra)} | ${o.perDay >= 0 ? '+' : ''}${amount(o, o.perDay)} | ${amount(o, o.headroomNMinus1)} | ${o.days === undefined ? 'not growing' : o.days === 0 ? '**already past**' : o.days.toFixed(0)} |`,
    );
  if (missing.length) lines.push('', 'Not computed:', ...missing.map((m) => `- ${m}`));
  lines.push('', 'Per-zone headroom is not computed yet (it needs a node → zone join from kube_node_labels).');
  return lines.join('\n') + '\n';
}

export function renderModelList(models: readonly LatencyModel[]): string {
  if (models.length === 0) return 'No stored models: run `kubetune predict train --prometheus URL`.\n';
  return (
    models
      .map((m) => {
        const ok = m.classes.filter((c) => c.status === 'ok').map((c) => c.verbClass);
        const days = ((m.window.endSeconds - m.window.startSeconds) / 86_400).toFixed(1);
        return `${m.id}  ${m.createdAt}  window ${days}d  features ${m.features.length}  usable: ${ok.join(', ') || 'none (refused)'}`;
      })
      .join('\n') + '\n'
  );
}
