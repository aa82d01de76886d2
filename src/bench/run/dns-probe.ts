import { lookup } from 'node:dns/promises';
import { performance } from 'node:perf_hooks';

export interface DnsProbeResult {
  readonly name: string;
  readonly durationsMs: readonly number[];
  readonly failures: number;
  readonly lastError?: string;
}

/** Resolves `name` through getaddrinfo `count` times, one at a time (as an application would), timing each. */
export async function probeDns(name: string, count: number, signal?: AbortSignal): Promise<DnsProbeResult> {
  const durationsMs: number[] = [];
  let failures = 0;
  let lastError: string | undefined;
  for (let i = 0; i < count && !signal?.aborted; i++) {
    const t0 = performance.now();
    try {
      await lookup(name);
      durationsMs.push(performance.now() - t0);
    } catch (e) {
      failures++;
      lastError = e instanceof Error ? e.message : String(e);
    }
  }
  return { name, durationsMs, failures, ...(lastError ? { lastError } : {}) };
}
