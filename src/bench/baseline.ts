import { UsageError } from '../core/errors.js';
import { environmentDifferences, isComparable } from './environment.js';
import { median } from './stats.js';
import type { BenchRun, MetricSample } from '../model/bench.js';

/** `--baseline last | median:N | RUN-ID`. */
export type BaselineSpec =
  | { readonly kind: 'last' }
  | { readonly kind: 'median'; readonly runs: number }
  | { readonly kind: 'run'; readonly id: string };

export function parseBaselineSpec(s: string): BaselineSpec {
  if (s === 'last') return { kind: 'last' };
  const m = /^median:(\d+)$/.exec(s);
  if (m) {
    const runs = Number(m[1]);
    if (runs < 1) throw new UsageError(`--baseline median:N needs N ≥ 1, got ${s}`);
    return { kind: 'median', runs };
  }
  if (/^[\w.-]+$/.test(s)) return { kind: 'run', id: s };
  throw new UsageError(`--baseline must be last, median:N or a run id, got ${JSON.stringify(s)}`);
}

export interface Baseline {
  readonly runs: readonly BenchRun[];
  readonly samples: readonly MetricSample[];
  /** Why the baseline is not a like environment, when it is not. */
  readonly warnings: readonly string[];
}

/** One sample per run and metric × subject: the run's median over its repeats. */
function runMedians(runs: readonly BenchRun[]): MetricSample[] {
  return runs.flatMap((run, i) => {
    const groups = new Map<string, MetricSample[]>();
    for (const s of run.samples)
      groups.set(`${s.metric}\u0000${s.subject}`, [...(groups.get(`${s.metric}\u0000${s.subject}`) ?? []), s]);
    return [...groups.values()].map((g) => ({
      ...(g[0] as MetricSample),
      repeat: i,
      value: median(g.map((s) => s.value)),
    }));
  });
}

/**
 * Chooses the baseline for `current` among `history` (newest first, `current` excluded): runs of the same suite on a like
 * environment (same Kubernetes minor, node type, CNI, node-count band; locally the same CPU, kernel and host). When no
 * like run exists the newest of any environment is used, with a warning naming the differences.
 */
export function selectBaseline(
  current: BenchRun,
  history: readonly BenchRun[],
  spec: BaselineSpec,
): Baseline | undefined {
  if (spec.kind === 'run') {
    const run = history.find((r) => r.id === spec.id);
    if (!run) throw new UsageError(`no run ${spec.id} in the history`);
    return withWarnings(current, [run], run.samples);
  }
  const sameSuite = history.filter(
    (r) => r.id !== current.id && r.suite === current.suite && r.environment.target === current.environment.target,
  );
  const alike = sameSuite.filter((r) => isComparable(r.environment, current.environment));
  const pool = alike.length > 0 ? alike : sameSuite;
  if (pool.length === 0) return undefined;
  if (spec.kind === 'last') {
    const run = pool[0] as BenchRun;
    return withWarnings(current, [run], run.samples);
  }
  const runs = pool.slice(0, spec.runs);
  return withWarnings(current, runs, runMedians(runs));
}

function withWarnings(current: BenchRun, runs: readonly BenchRun[], samples: readonly MetricSample[]): Baseline {
  const warnings = runs.flatMap((r) => {
    const d = environmentDifferences(r.environment, current.environment);
    return d.length > 0 ? [`baseline ${r.id} ran on another environment (${d.join('; ')}): compare with care`] : [];
  });
  return { runs, samples, warnings };
}
