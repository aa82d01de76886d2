/**
 * Main-thread side of the JSON reader's worker (json-read-worker.ts): starts it on a large JSON file and hands each
 * batch of compact item texts to `onItems`, one batch at a time and in file order, acknowledging it once consumed.
 * The worker reads, validates UTF-8 and splits; this thread is left with parsing, which is what it must do anyway.
 */
import type { Worker } from 'node:worker_threads';
import type { JsonReadAck, JsonReadMessage, JsonReadRequest } from './json-read-protocol.js';
import type { ScannedItems } from './json-scan.js';
import { startWorker } from './parse-pool.js';

export type JsonWorkerOutcome =
  /** Every item was handed over; `clean` is false when the input ended inside a value (at `line`). */
  | { readonly kind: 'done'; readonly clean: boolean; readonly line: number; readonly items: number }
  /** Not a List or array of objects: nothing more was sent, the caller reads the file itself. */
  | { readonly kind: 'unsplittable'; readonly reason: string }
  /** The worker could not start or died: the caller reads the file itself. */
  | { readonly kind: 'failed'; readonly error: Error };

export const JSON_BATCH_BYTES = 1 << 20;
const IN_FLIGHT = 8;

/**
 * Reads `path` through the worker. Rejects with the worker's error when the file itself cannot be read (not UTF-8,
 * an item too large: the errors of the main-thread reader), or with what `onItems` threw.
 */
export function readListInWorker(
  request: { readonly path: string; readonly file: string },
  onItems: (items: ScannedItems) => void | Promise<void>,
  start: (data: JsonReadRequest) => Worker = (data) => startWorker('json-read-worker', data),
): Promise<JsonWorkerOutcome> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = start({ ...request, batchBytes: JSON_BATCH_BYTES, inFlight: IN_FLIGHT });
    } catch (e) {
      resolve({ kind: 'failed', error: e instanceof Error ? e : new Error(String(e)) });
      return;
    }
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      action();
    };
    // Batches are consumed strictly in order, each after the previous one.
    let chain = Promise.resolve();
    worker.on('message', (m: JsonReadMessage) => {
      chain = chain.then(async () => {
        if (settled) return;
        try {
          if (m.kind === 'items') {
            await onItems(m);
            worker.postMessage({ kind: 'ack' } satisfies JsonReadAck);
          } else if (m.kind === 'end')
            finish(() => resolve({ kind: 'done', clean: m.clean, line: m.line, items: m.items }));
          else if (m.kind === 'unsplittable') finish(() => resolve({ kind: 'unsplittable', reason: m.reason }));
          else finish(() => reject(new Error(m.message)));
        } catch (e) {
          finish(() => reject(e instanceof Error ? e : new Error(String(e))));
        }
      });
    });
    // After the messages already received: a worker that ends normally exits right after its last message.
    const failed = (error: Error) => {
      chain = chain.then(() => finish(() => resolve({ kind: 'failed', error })));
    };
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`JSON reader worker exited (code ${code}) before the end`)));
  });
}
