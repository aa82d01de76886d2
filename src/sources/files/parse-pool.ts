/**
 * A pool of worker threads that parse (YAML) or validate (JSON) a large file's documents in batches while the main
 * thread reads, splits and assembles them. Results come back per batch; the reader consumes batches in submission
 * order, so objects, line numbers and diagnostics are exactly those of the single-threaded path.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseRequest, ParseResponse, ParseResult } from './parse-protocol.js';

export interface ParallelOptions {
  /** Files at least this large are parsed by workers (default 32 MiB); smaller ones are not worth starting them. */
  readonly minFileBytes?: number;
  /** Worker threads (default: one per usable CPU, up to 4, none on one CPU; see usableCpus); 0 turns the pool off. */
  readonly workers?: number;
  /**
   * Validate JSON items in the pool too, when the main thread splits a JSON file itself (one the JSON reader's worker
   * leaves to it): a worker must parse each item again, which on 2 cores costs more than it saves (measured: 16.5 s
   * against 13.2 s on one thread for 150,000 pods), so the default is on only with 4 or more cores. Files the JSON
   * reader's worker splits are validated by that worker after the read (json-read-worker.ts).
   */
  readonly validateJson?: boolean;
}

export const validateJsonInWorkers = (options: ParallelOptions | undefined): boolean =>
  options?.validateJson ?? usableCpus() >= 4;

export const DEFAULT_MIN_PARALLEL_BYTES = 32 * 1024 * 1024;

/** The cgroup v2 CPU limit of this process (a container's `resources.limits.cpu`), in CPUs; undefined when none. */
function cgroupCpuLimit(): number | undefined {
  try {
    const [quota, period] = readFileSync('/sys/fs/cgroup/cpu.max', 'utf8').trim().split(/\s+/);
    const q = Number(quota);
    const p = Number(period);
    return quota !== 'max' && q > 0 && p > 0 ? q / p : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPUs this process may use: the affinity mask (what `availableParallelism` reports), capped by a cgroup CPU quota —
 * in a pod with `limits.cpu: 1` on a 16-core node Node reports 16, and four busy workers would only be throttled.
 */
export function usableCpus(limit: () => number | undefined = cgroupCpuLimit): number {
  const cpus = availableParallelism();
  const quota = limit();
  return quota === undefined ? cpus : Math.max(1, Math.min(cpus, Math.floor(quota)));
}

/** Worker count for these options (0: parse on the main thread): one per usable CPU, up to 4, none on one CPU. */
export function poolSize(options: ParallelOptions | undefined, cpus: () => number = usableCpus): number {
  if (options?.workers !== undefined) return Math.max(0, Math.floor(options.workers));
  const n = cpus();
  return n < 2 ? 0 : Math.min(4, n);
}

/** Every document a worker parses dies young: a larger young generation means fewer scavenges (measured ~5% faster). */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 192 };

/**
 * Starts a worker module of this directory (`parse-worker`, `json-read-worker`): beside this one, compiled (.js) or,
 * under tsx and vitest, the TypeScript source.
 */
export function startWorker(name: string, workerData?: unknown): Worker {
  const here = import.meta.url;
  // No inherited flags: some make a worker fail to start (`--input-type`, `--title`...), and none is needed here.
  const options = {
    execArgv: [],
    resourceLimits: RESOURCE_LIMITS,
    ...(workerData === undefined ? {} : { workerData }),
  };
  if (here.endsWith('.ts')) {
    const url = new URL(`./${name}.ts`, here).href;
    // Node cannot start a .ts worker by itself: let tsx (a dev dependency) load it.
    const boot = `import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}))`;
    return new Worker(boot, { ...options, eval: true });
  }
  return new Worker(new URL(`./${name}.js`, here), options);
}

interface Pending {
  readonly resolve: (r: readonly ParseResult[] | undefined) => void;
  readonly reject: (e: Error) => void;
}

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending & { worker: number }>();
  private nextId = 0;
  private failure: Error | undefined;
  private closed = false;

  /** `start` starts one worker (tests pass one that fails); a pool whose workers cannot start fails every batch. */
  constructor(size: number, start: () => Worker = () => startWorker('parse-worker')) {
    for (let i = 0; i < size; i++) {
      let w: Worker;
      try {
        w = start();
      } catch (e) {
        this.fail(e instanceof Error ? e : new Error(String(e)));
        break;
      }
      w.on('message', (m: ParseResponse) => this.settle(i, m));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (!this.closed && code !== 0) this.fail(new Error(`parse worker exited with code ${code}`));
      });
      this.workers.push(w);
      this.load.push(0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Parses one batch on the least busy worker. Resolves with one result per text, or undefined when the worker
   * could not handle the batch (the caller then parses it on the main thread); rejects only when the pool is broken.
   */
  submit(req: Omit<ParseRequest, 'id'>): Promise<readonly ParseResult[] | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    let worker = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[worker]!) worker = i;
    this.load[worker]!++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      this.workers[worker]!.postMessage({ ...req, id } satisfies ParseRequest);
    });
  }

  private settle(worker: number, m: ParseResponse): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    this.load[worker]!--;
    p.resolve(m.results);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }

  /** Stops the workers; batches still in flight are dropped (never settled). */
  async close(): Promise<void> {
    this.closed = true;
    this.failure ??= new Error('parse pool closed');
    this.pending.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

type Settled = { readonly results: readonly ParseResult[] | undefined } | { readonly error: unknown };

/** Worker batches in flight, consumed in submission order. */
export class BatchQueue<T> {
  private readonly queue: { items: T[]; settled: Promise<Settled>; then?: () => void }[] = [];
  private failed = false;

  /**
   * `consume` gets undefined results when the pool could not parse a batch (the caller parses it itself);
   * `onPoolFailure` hears once about a broken pool (a worker that could not start or died).
   */
  constructor(
    private readonly consume: (items: T[], results: readonly ParseResult[] | undefined) => void,
    private readonly onPoolFailure: (e: unknown) => void,
  ) {}

  push(items: T[], result: Promise<readonly ParseResult[] | undefined>): void {
    // Settled at once, so that a failure is never an unhandled rejection while the batch waits its turn.
    const settled = result.then(
      (results): Settled => ({ results }),
      (error: unknown): Settled => ({ error }),
    );
    this.queue.push({ items, settled });
  }

  /** Runs `action` after the batches already queued are consumed (keeps diagnostics in input order). */
  defer(action: () => void): void {
    if (this.queue.length === 0) action();
    else this.queue.push({ items: [], settled: Promise.resolve({ results: undefined }), then: action });
  }

  /** Consumes batches from the head until at most `keep` are in flight. */
  async drain(keep = 0): Promise<void> {
    while (this.queue.length > keep) {
      const head = this.queue.shift()!;
      const settled = await head.settled;
      if ('error' in settled && !this.failed) {
        // Nothing is lost: the main thread parses what the workers could not.
        this.failed = true;
        this.onPoolFailure(settled.error);
      }
      this.consume(head.items, 'results' in settled ? settled.results : undefined);
      head.then?.();
    }
  }
}
