/** Thresholds of the runtime rules (JVM, Go, Node.js, .NET, Python inside containers). See types.ts. */
import { num, range, same } from './types.js';

const GUIDE_6 = 'GUIDE.md §6 (application runtimes inside containers)';

export const RUNTIME_THRESHOLDS = {
  jvmHeapShare: num({
    summary: 'JVM heap target as a share of the memory limit (-XX:MaxRAMPercentage=75); fixes aim at it.',
    unit: 'share',
    use: 'target',
    readBy: ['jvm-heap-vs-memory-limit', 'analyzer:rightsize'],
    source: GUIDE_6,
    values: same(0.75),
  }),
  jvmHeapShareRange: range({
    summary: 'JVM heap share of the memory limit outside which the rule flags.',
    unit: 'share',
    use: 'flag-outside',
    readBy: ['jvm-heap-vs-memory-limit'],
    source: `${GUIDE_6}: heap ~75% of the limit, room left for metaspace, code cache, threads, direct buffers`,
    values: same({ min: 0.5, max: 0.85 }),
  }),
  goMemLimitShare: num({
    summary: 'GOMEMLIMIT target as a share of the memory limit; fixes aim at it.',
    unit: 'share',
    use: 'target',
    readBy: ['gomemlimit-vs-memory-limit', 'analyzer:rightsize'],
    source: `${GUIDE_6}; https://go.dev/doc/gc-guide#Memory_limit`,
    values: same(0.9),
  }),
  goMemLimitShareMax: num({
    summary: 'GOMEMLIMIT share of the memory limit above which the rule flags.',
    unit: 'share',
    use: 'flag-above',
    readBy: ['gomemlimit-vs-memory-limit'],
    source: `${GUIDE_6}; https://go.dev/doc/gc-guide#Memory_limit`,
    values: same(0.95),
  }),
  nodeHeapShare: num({
    summary: 'Node.js --max-old-space-size target as a share of the memory limit; fixes aim at it.',
    unit: 'share',
    use: 'target',
    readBy: ['node-heap-vs-memory-limit'],
    source: `${GUIDE_6} (same budget as the JVM heap)`,
    values: same(0.75),
  }),
  nodeHeapShareMax: num({
    summary: 'Node.js old-space share of the memory limit above which the rule flags.',
    unit: 'share',
    use: 'flag-above',
    readBy: ['node-heap-vs-memory-limit'],
    source: `${GUIDE_6} (same budget as the JVM heap)`,
    values: same(0.85),
  }),
  gogcRange: range({
    summary: 'GOGC below min makes the GC dominate CPU; above max (without GOMEMLIMIT) the heap grows many times over.',
    unit: 'percent',
    use: 'flag-outside',
    readBy: ['gogc-extreme'],
    source: `${GUIDE_6} (GOGC lower trades CPU for memory); https://go.dev/doc/gc-guide#GOGC`,
    values: same({ min: 25, max: 400 }),
  }),
  gunicornWorkersPerCore: num({
    summary: 'gunicorn sync workers per core (plus one): the most the rule accepts and what the fix sets.',
    unit: 'count',
    use: 'flag-above',
    readBy: ['python-workers-vs-cpu-limit'],
    source: `${GUIDE_6}; https://docs.gunicorn.org/en/stable/design.html#how-many-workers`,
    values: same(2),
  }),
} as const;
