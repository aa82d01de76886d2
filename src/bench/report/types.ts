import type { MetricComparison } from '../compare.js';
import type { GateResult } from '../gates.js';
import type { BenchRun } from '../../model/bench.js';

/** Everything a bench report shows; reporters are pure functions of it (the dashboard reuses them). */
export interface BenchReport {
  readonly run: BenchRun;
  readonly comparison?: {
    readonly baselineRunIds: readonly string[];
    readonly metrics: readonly MetricComparison[];
  };
  readonly gates: readonly GateResult[];
  readonly warnings: readonly string[];
  /** Earlier runs (oldest first) for charts across runs; optional. */
  readonly history?: readonly BenchRun[];
}

export const BENCH_REPORT_SCHEMA_VERSION = 1;

export const regressions = (r: BenchReport): readonly MetricComparison[] =>
  r.comparison?.metrics.filter((m) => m.verdict === 'regressed') ?? [];

export const failedGates = (r: BenchReport): readonly GateResult[] => r.gates.filter((g) => !g.passed);
