import { stat } from 'node:fs/promises';
import type { ComponentFileReader } from './component-readers.js';
import type { Collector } from './collector.js';
import { DEFAULT_MIN_PARALLEL_BYTES, ParsePool, poolSize, validateJsonInWorkers } from './parse-pool.js';
import type { ReadOptions } from './read-types.js';

/** Characters of documents or items sent to a worker at once. */
export const BATCH_CHARS = 1 << 20;

/** The worker pool: started for the first file large enough to use it, stopped when reading ends. */
export class PoolForLargeFiles {
  private pool: ParsePool | undefined;
  private readonly workers: number;
  private readonly minBytes: number;
  private readonly validate: boolean;
  private readonly validateJson: boolean;

  constructor(options: ReadOptions) {
    this.workers = poolSize(options.parallel);
    this.minBytes = options.parallel?.minFileBytes ?? DEFAULT_MIN_PARALLEL_BYTES;
    this.validate = options.validateSchema ?? false;
    this.validateJson = this.workers > 0 && validateJsonInWorkers(options.parallel);
  }

  async forFile(path: string | undefined): Promise<Parallel | undefined> {
    if (this.workers === 0 || path === undefined || (await stat(path)).size < this.minBytes) return undefined;
    // Started on first use: a JSON file on a small machine never needs the workers (see validateJsonInWorkers).
    const started = (): ParsePool => (this.pool ??= new ParsePool(this.workers));
    return {
      path,
      get pool() {
        return started();
      },
      validate: this.validate,
      validateJson: this.validateJson,
    };
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

export interface Parallel {
  /** The file on disk (the JSON reader's worker reads it itself). */
  readonly path: string;
  readonly pool: ParsePool;
  readonly validate: boolean;
  /** JSON items are validated by the workers too (they parse each one again). */
  readonly validateJson: boolean;
}

/** One file being read: where results go, its component reader if any, the worker pool if it is large. */
export interface FileReading {
  readonly file: string;
  readonly out: Collector;
  readonly reader: ComponentFileReader | undefined;
  readonly parallel: Parallel | undefined;
}
