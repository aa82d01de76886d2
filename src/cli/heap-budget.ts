import { getHeapStatistics } from 'node:v8';
import type { FindingBudget } from '../engine/run.js';

/** Share of V8's heap limit past which the engine stops collecting findings (V8 aborts the process at the limit). */
export const HEAP_STOP_RATIO = 0.85;

/**
 * The engine's finding budget over this process's heap: exhausted when the heap in use passes HEAP_STOP_RATIO of
 * its limit, so that the user gets the findings collected so far and a diagnostic instead of V8's "Reached heap
 * limit" abort (exit 134, no output). `heap` is injectable for tests.
 */
export function heapBudget(
  heap: () => { used_heap_size: number; heap_size_limit: number } = getHeapStatistics,
  ratio = HEAP_STOP_RATIO,
): FindingBudget {
  return {
    exhausted() {
      const { used_heap_size: used, heap_size_limit: limit } = heap();
      if (used <= limit * ratio) return undefined;
      const mib = (b: number) => Math.round(b / 2 ** 20);
      return `the heap is ${Math.round((used / limit) * 100)}% full (${mib(used)} of ${mib(limit)} MiB)`;
    },
  };
}
