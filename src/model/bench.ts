/** Units every bench metric is measured in (types over strings: a metric's unit is never free text). */
export type MetricUnit = 'ops/s' | 'iops' | 'bytes/s' | 'bits/s' | 'ms' | 'percent' | 'pods/s' | 'count';

/** Which way is better: a regression is a move the other way. */
export type Direction = 'higher' | 'lower';

/** Where a run happened: this machine's tools, or Jobs on the current kube context. */
export type BenchTarget = 'local' | 'cluster';

export type SuiteName = 'quick' | 'full' | 'network' | 'storage' | 'control-plane' | 'all';
export const SUITE_NAMES: readonly SuiteName[] = ['quick', 'full', 'network', 'storage', 'control-plane', 'all'];
export const isSuiteName = (s: string): s is SuiteName => (SUITE_NAMES as readonly string[]).includes(s);

/** One measured value of one metric in one repeat. `subject` names what was measured (a path, a node pair, a class). */
export interface MetricSample {
  readonly metric: string;
  readonly subject: string;
  readonly repeat: number;
  readonly value: number;
  readonly unit: MetricUnit;
  readonly direction: Direction;
}

/** What a result is comparable with: runs on a like machine or cluster (same minor, node type, CNI, node-count band). */
export interface BenchEnvironment {
  readonly target: BenchTarget;
  readonly kernel?: string;
  readonly cpuModel?: string;
  readonly cpus?: number;
  readonly kubernetesVersion?: string;
  readonly nodeType?: string;
  readonly cni?: string;
  readonly nodeCount?: number;
  readonly hostname?: string;
  /** Tool versions, e.g. { fio: 'fio-3.33' }. */
  readonly tools?: Readonly<Record<string, string>>;
}

/** A test that could not produce its metrics (tool missing, crashed, timed out): reported, never a pass. */
export interface BenchFailure {
  readonly test: string;
  readonly repeat: number;
  readonly reason: string;
}

export interface BenchRun {
  readonly id: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly suite: SuiteName;
  readonly repeats: number;
  readonly environment: BenchEnvironment;
  readonly samples: readonly MetricSample[];
  readonly failures: readonly BenchFailure[];
  readonly labels?: Readonly<Record<string, string>>;
}
