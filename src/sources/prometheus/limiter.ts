/** Bounded concurrency and a query budget, shared by every request of one client. */
import { QueryBudgetExceededError } from './errors.js';

export interface QueryStats {
  /** Logical API calls (a range query split in 3 chunks counts 3). */
  readonly queries: number;
  /** HTTP attempts beyond the first, after 5xx/429/network errors. */
  readonly retries: number;
  readonly failures: number;
  /** Responses that carried warnings or were marked partial. */
  readonly warnings: number;
  readonly bytes: number;
  /** Sum of per-call wall time (calls overlap when concurrent). */
  readonly busyMs: number;
  readonly maxInFlight: number;
}

export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private stats = { queries: 0, retries: 0, failures: 0, warnings: 0, bytes: 0, busyMs: 0, maxInFlight: 0 };

  constructor(
    private readonly maxConcurrency: number,
    private readonly budget: number | undefined,
  ) {}

  /** Runs `task` when a slot is free; counts it against the budget first. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.budget !== undefined && this.stats.queries >= this.budget) throw new QueryBudgetExceededError(this.budget);
    this.stats.queries++;
    if (this.active >= this.maxConcurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.active);
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  record(delta: Partial<Omit<QueryStats, 'queries' | 'maxInFlight'>>): void {
    for (const [k, v] of Object.entries(delta) as [keyof typeof this.stats, number][]) this.stats[k] += v;
  }

  snapshot(): QueryStats {
    return { ...this.stats };
  }
}
