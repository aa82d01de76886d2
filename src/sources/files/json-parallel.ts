/**
 * Main-thread side of the JSON reader's worker (json-read-worker.ts): starts it on a large JSON file and hands each
 * batch of compact item texts to `items`, one batch at a time and in file order, acknowledging it once consumed.
 * The worker reads, validates UTF-8 and splits; this thread is left with parsing, which is what it must do anyway.
 */
import type { Worker } from 'node:worker_threads';
import type { SchemaProblem } from '../../knowledge/schema.js';
import type { JsonReadAck, JsonReadMessage, JsonReadRequest } from './json-read-protocol.js';
import type { ScannedItems } from './json-scan.js';
import { startWorker } from './parse-pool.js';
import { InvalidUtf8Error } from './utf8.js';

export type JsonWorkerOutcome =
  /**
   * Every item was handed over; `clean` is false when the input ended inside a value (at `line`). `validated`
   * settles (never rejects) once the worker sent the schema problems it was asked for, or stopped.
   */
  | {
      readonly kind: 'done';
      readonly clean: boolean;
      readonly line: number;
      readonly items: number;
      readonly validated: Promise<void>;
    }
  /** Not a List or array of objects: nothing more was sent, the caller reads the file itself. */
  | { readonly kind: 'unsplittable'; readonly reason: string }
  /** The worker could not start or died: the caller reads the file itself. */
  | { readonly kind: 'failed'; readonly error: Error };

export interface JsonWorkerConsumer {
  readonly items: (items: ScannedItems) => void | Promise<void>;
  /** Schema problems of the item at `index` of the List (when `validate` was asked for). */
  readonly schema?: (index: number, problems: readonly SchemaProblem[]) => void;
}

export const JSON_BATCH_BYTES = 1 << 20;
const IN_FLIGHT = 8;

/**
 * Reads `path` through the worker. Rejects with the worker's error when the file itself cannot be read (not UTF-8,
 * an item too large: the errors of the main-thread reader), or with what the consumer threw.
 */
export function readListInWorker(
  request: { readonly path: string; readonly file: string; readonly validate?: boolean },
  consumer: JsonWorkerConsumer,
  start: (data: JsonReadRequest) => Worker = (data) => startWorker('json-read-worker', data),
): Promise<JsonWorkerOutcome> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = start({ validate: false, ...request, batchBytes: JSON_BATCH_BYTES, inFlight: IN_FLIGHT });
    } catch (e) {
      resolve({ kind: 'failed', error: e instanceof Error ? e : new Error(String(e)) });
      return;
    }
    let settled = false;
    let validated: (() => void) | undefined;
    const stop = (): void => {
      void worker.terminate();
      validated?.();
    };
    const finish = (action: () => void, keepRunning = false): void => {
      if (settled) return;
      settled = true;
      if (!keepRunning) stop();
      action();
    };
    // Messages are consumed strictly in order, each after the previous one.
    let chain = Promise.resolve();
    const handle = async (m: JsonReadMessage): Promise<void> => {
      if (m.kind === 'schema') return m.items.forEach((index, k) => consumer.schema?.(index, m.problems[k]!));
      if (m.kind === 'schema-end') return stop();
      if (settled) return;
      if (m.kind === 'items') {
        await consumer.items(m);
        worker.postMessage({ kind: 'ack' } satisfies JsonReadAck);
      } else if (m.kind === 'end') {
        // The worker goes on validating (if asked) while the caller works on, and exits when done. (Not unref'd: the
        // caller awaits `validated`, and an unref'd worker would let the process end before it settles.)
        const done = request.validate ? new Promise<void>((r) => (validated = r)) : Promise.resolve();
        finish(() => resolve({ kind: 'done', clean: m.clean, line: m.line, items: m.items, validated: done }), true);
        if (!request.validate) stop();
      } else if (m.kind === 'unsplittable') finish(() => resolve({ kind: 'unsplittable', reason: m.reason }));
      else {
        const offset = m.invalidUtf8At;
        finish(() => reject(offset !== undefined ? new InvalidUtf8Error(request.file, offset) : new Error(m.message)));
      }
    };
    worker.on('message', (m: JsonReadMessage) => {
      chain = chain.then(() => handle(m)).catch((e: unknown) => finish(() => reject(e)));
    });
    // After the messages already received: a worker that ends normally exits right after its last message.
    const failed = (error: Error) => {
      chain = chain.then(() => {
        validated?.();
        finish(() => resolve({ kind: 'failed', error }));
      });
    };
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`JSON reader worker exited (code ${code}) before the end`)));
  });
}
