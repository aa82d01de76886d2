/** Labels on every object `bench run` creates: `bench cleanup` finds leftovers of a crashed run by them. */
export const BENCH_LABELS = {
  managedBy: 'app.kubernetes.io/managed-by',
  component: 'app.kubernetes.io/component',
  run: 'kubetune.io/bench-run',
  test: 'kubetune.io/bench-test',
} as const;

export const BENCH_NAMESPACE = 'kubetune-bench';

/** Selector of every bench object (`bench cleanup`), or of one run's. */
export const benchSelector = (runId?: string): string =>
  [
    `${BENCH_LABELS.managedBy}=kubetune`,
    `${BENCH_LABELS.component}=bench`,
    ...(runId ? [`${BENCH_LABELS.run}=${runId}`] : []),
  ].join(',');

export const benchLabels = (runId: string, test: string): Record<string, string> => ({
  [BENCH_LABELS.managedBy]: 'kubetune',
  [BENCH_LABELS.component]: 'bench',
  [BENCH_LABELS.run]: runId,
  [BENCH_LABELS.test]: test,
});

/** A DNS-1123 name from parts (lower case, at most 63 characters). */
export const objectName = (...parts: readonly string[]): string =>
  parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
