import type { BenchFormat } from '../../bench/report/index.js';
import { textTable } from '../../bench/report/text.js';
import type { RunSummary } from '../../store/bench-store.js';

/** `bench history` output: a table of runs, or their JSON. */
export function benchHistoryText(runs: readonly RunSummary[], format: BenchFormat): string {
  if (format === 'json')
    return `${JSON.stringify({ schemaVersion: 1, kind: 'kubetune.bench.history', runs }, null, 2)}\n`;
  if (runs.length === 0) return 'no bench run stored yet: kubetune bench run --local --suite quick\n';
  const rows = runs.map((r) => [
    r.id,
    r.startedAt,
    r.suite,
    r.target,
    String(r.repeats),
    String(r.samples),
    String(r.failures),
  ]);
  return `${textTable(['run', 'started', 'suite', 'target', 'repeats', 'samples', 'failed tests'], rows)}\n`;
}
