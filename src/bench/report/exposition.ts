import { median } from '../stats.js';
import type { MetricSample } from '../../model/bench.js';
import type { BenchReport } from './types.js';

const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (l: Readonly<Record<string, string>>): string =>
  `{${Object.entries(l)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(',')}}`;

/**
 * The run as Prometheus text exposition for a Pushgateway (fleet dashboards): the median of every metric × subject in
 * its unit, each gate's pass (1) or fail (0), and the counts of regressions and failed tests.
 */
export function benchExposition(r: BenchReport): string {
  const groups = new Map<string, MetricSample[]>();
  for (const s of r.run.samples)
    groups.set(`${s.metric}\u0000${s.subject}`, [...(groups.get(`${s.metric}\u0000${s.subject}`) ?? []), s]);
  const base = { suite: r.run.suite, target: r.run.environment.target };
  const lines = [
    '# HELP kubetune_bench_median Median over the repeats of one bench metric, in the unit of its unit label.',
    '# TYPE kubetune_bench_median gauge',
    ...[...groups.values()].map((g) => {
      const s = g[0] as MetricSample;
      return `kubetune_bench_median${labels({ ...base, metric: s.metric, subject: s.subject, unit: s.unit, direction: s.direction })} ${median(g.map((x) => x.value))}`;
    }),
    '# HELP kubetune_bench_gate_passed 1 when the metric passed its gate, 0 when it failed.',
    '# TYPE kubetune_bench_gate_passed gauge',
    ...r.gates.map(
      (g) =>
        `kubetune_bench_gate_passed${labels({ ...base, metric: g.metric, subject: g.subject })} ${g.passed ? 1 : 0}`,
    ),
    '# HELP kubetune_bench_regressions Metrics flagged as regressed against the baseline.',
    '# TYPE kubetune_bench_regressions gauge',
    `kubetune_bench_regressions${labels(base)} ${r.comparison?.metrics.filter((m) => m.verdict === 'regressed').length ?? 0}`,
    '# HELP kubetune_bench_failed_tests Tests that produced no result (tool missing, crashed, deadline).',
    '# TYPE kubetune_bench_failed_tests gauge',
    `kubetune_bench_failed_tests${labels(base)} ${r.run.failures.length}`,
  ];
  return `${lines.join('\n')}\n`;
}
