import { parseBaselineSpec, selectBaseline, type BaselineSpec } from '../bench/baseline.js';
import { compareSamples } from '../bench/compare.js';
import type { BenchConfig } from '../bench/config.js';
import { evaluateGates } from '../bench/gates.js';
import { failedGates, regressions, type BenchReport } from '../bench/report/types.js';
import type { BenchEnvironment, BenchFailure, BenchRun, MetricSample, SuiteName } from '../model/bench.js';
import type { BenchStore } from '../store/bench-store.js';

/** What `bench run` needs from the outside world: the runner of the suite, the store, a clock and ids. */
export interface BenchRunPorts {
  readonly execute: (
    suite: SuiteName,
    repeats: number,
  ) => Promise<{ samples: readonly MetricSample[]; failures: readonly BenchFailure[] }>;
  readonly environment: () => Promise<BenchEnvironment>;
  readonly store?: BenchStore;
  readonly now: () => Date;
  readonly newId: (startedAt: Date) => string;
  /** True once the run was interrupted: an interrupted run is reported but never stored. */
  readonly interrupted?: () => boolean;
}

export interface BenchRunOptions {
  readonly suite: SuiteName;
  readonly repeats: number;
  readonly baseline: BaselineSpec;
  readonly config: BenchConfig;
  readonly labels?: Readonly<Record<string, string>>;
}

/** The outcome of a run or a comparison, with what the CLI needs for its exit code. */
export interface BenchOutcome {
  readonly report: BenchReport;
  readonly regressions: number;
  readonly failedGates: number;
  readonly failedTests: number;
}

/** How many earlier runs a baseline or chart looks at. */
const HISTORY_WINDOW = 50;

const outcome = (report: BenchReport): BenchOutcome => ({
  report,
  regressions: regressions(report).length,
  failedGates: failedGates(report).length,
  failedTests: report.run.failures.length,
});

/** Builds the report of `run` against a baseline chosen among `history` (newest first). */
export function reportFor(
  run: BenchRun,
  history: readonly BenchRun[],
  spec: BaselineSpec,
  config: BenchConfig,
): BenchReport {
  const earlier = history.filter((h) => h.id !== run.id && h.startedAt <= run.startedAt);
  const baseline = selectBaseline(run, earlier, spec);
  const gates = evaluateGates(run.samples, config.compare.gates);
  const chartRuns = [...earlier]
    .reverse()
    .filter((h) => h.suite === run.suite && h.environment.target === run.environment.target);
  return {
    run,
    gates,
    warnings: baseline?.warnings ?? [],
    history: chartRuns,
    ...(baseline
      ? {
          comparison: {
            baselineRunIds: baseline.runs.map((r) => r.id),
            metrics: compareSamples(baseline.samples, run.samples, config.compare),
          },
        }
      : {}),
  };
}

/** `bench run`: runs the suite, stores the run in one transaction, compares it with its baseline and checks gates. */
export async function runBench(options: BenchRunOptions, ports: BenchRunPorts): Promise<BenchOutcome> {
  const started = ports.now();
  const environment = await ports.environment();
  const { samples, failures } = await ports.execute(options.suite, options.repeats);
  const run: BenchRun = {
    id: ports.newId(started),
    startedAt: started.toISOString(),
    finishedAt: ports.now().toISOString(),
    suite: options.suite,
    repeats: options.repeats,
    environment,
    samples,
    failures,
    ...(options.labels ? { labels: options.labels } : {}),
  };
  const history = ports.store ? await ports.store.recentRuns({ limit: HISTORY_WINDOW, suite: options.suite }) : [];
  if (ports.store && !ports.interrupted?.()) await ports.store.saveRun(run);
  return outcome(reportFor(run, history, options.baseline, options.config));
}

/** `bench compare [RUN]`: the newest run (or RUN) against `--baseline`. */
export async function compareBench(
  options: { readonly run?: string; readonly baseline: string; readonly config: BenchConfig },
  store: BenchStore,
): Promise<BenchOutcome | undefined> {
  const spec = parseBaselineSpec(options.baseline);
  const history = await store.recentRuns({ limit: HISTORY_WINDOW });
  const run = options.run
    ? (history.find((r) => r.id === options.run) ?? (await store.getRun(options.run)))
    : history[0];
  if (!run) return undefined;
  const extra = spec.kind === 'run' && !history.some((h) => h.id === spec.id) ? await store.getRun(spec.id) : undefined;
  return outcome(reportFor(run, extra ? [...history, extra] : history, spec, options.config));
}

/** `bench show RUN`: the run with its gates (no comparison). */
export async function showBench(id: string, store: BenchStore, config: BenchConfig): Promise<BenchOutcome | undefined> {
  const run = await store.getRun(id);
  return run ? outcome({ run, gates: evaluateGates(run.samples, config.compare.gates), warnings: [] }) : undefined;
}
