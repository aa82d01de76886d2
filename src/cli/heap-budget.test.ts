import { describe, expect, it } from 'vitest';
import { heapBudget } from './heap-budget.js';

describe('heapBudget', () => {
  const limit = 4096 * 2 ** 20;
  it('goes on below the stop ratio and stops above it, saying how full the heap is', () => {
    let used = 0.5 * limit;
    const budget = heapBudget(() => ({ used_heap_size: used, heap_size_limit: limit }));
    expect(budget.exhausted()).toBeUndefined();
    used = 0.9 * limit;
    expect(budget.exhausted()).toBe('the heap is 90% full (3686 of 4096 MiB)');
  });
  it('reads the real heap by default (a fresh test process is far from its limit)', () => {
    expect(heapBudget().exhausted()).toBeUndefined();
  });
});
