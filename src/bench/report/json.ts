import { BENCH_REPORT_SCHEMA_VERSION, failedGates, regressions, type BenchReport } from './types.js';

/** The versioned JSON document (`schemaVersion`), every sample included. */
export function renderBenchJson(r: BenchReport): string {
  const { history: _history, ...rest } = r;
  return `${JSON.stringify({ schemaVersion: BENCH_REPORT_SCHEMA_VERSION, kind: 'kubetune.bench', ...rest, summary: { regressions: regressions(r).length, failedGates: failedGates(r).length, failedTests: r.run.failures.length } }, null, 2)}\n`;
}
