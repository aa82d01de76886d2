import { metricDef, type MetricGate } from './metrics.js';
import { median } from './stats.js';
import type { MetricSample, MetricUnit } from '../model/bench.js';

export interface GateResult {
  readonly metric: string;
  readonly subject: string;
  readonly unit: MetricUnit;
  readonly median: number;
  readonly gate: MetricGate;
  readonly passed: boolean;
  /** How far past the threshold, in percent of it (0 when passed). */
  readonly overPct: number;
}

/** Checks each metric's median against its gate (config gates replace the catalogue's, which cite their source). */
export function evaluateGates(
  samples: readonly MetricSample[],
  overrides: Readonly<Record<string, MetricGate>> = {},
): readonly GateResult[] {
  const groups = new Map<string, MetricSample[]>();
  for (const s of samples)
    groups.set(`${s.metric}\u0000${s.subject}`, [...(groups.get(`${s.metric}\u0000${s.subject}`) ?? []), s]);
  const out: GateResult[] = [];
  for (const [k, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [metric = '', subject = ''] = k.split('\u0000');
    const gate = overrides[metric] ?? metricDef(metric)?.gate;
    if (!gate) continue;
    const m = median(group.map((s) => s.value));
    const overMax = gate.max !== undefined && m > gate.max ? ((m - gate.max) / gate.max) * 100 : 0;
    const underMin = gate.min !== undefined && m < gate.min ? ((gate.min - m) / gate.min) * 100 : 0;
    const unit = (group[0] as MetricSample).unit;
    out.push({
      metric,
      subject,
      unit,
      median: m,
      gate,
      passed: overMax === 0 && underMin === 0,
      overPct: Math.max(overMax, underMin),
    });
  }
  return out;
}
