/** Messages between the JSON reader (read.ts, main thread) and its worker thread (json-read-worker.ts). */
import type { SchemaProblem } from '../../knowledge/schema.js';
import type { ScannedItems } from './json-scan.js';

export interface JsonReadRequest {
  readonly path: string;
  /** Display name of the file, for error messages. */
  readonly file: string;
  /** Items are sent once their compact texts reach this many bytes. */
  readonly batchBytes: number;
  /** Batches sent and not yet acknowledged before the worker waits (bounds memory when the main thread is slower). */
  readonly inFlight: number;
  /** Also validate the items the `schema-invalid` rule validates against the schema, after the read. */
  readonly validate: boolean;
}

export type JsonReadMessage =
  | ({ readonly kind: 'items' } & ScannedItems)
  /** Schema problems of the items at these indexes (in the List), after the read (`validate`). */
  | {
      readonly kind: 'schema';
      readonly items: readonly number[];
      readonly problems: readonly (readonly SchemaProblem[])[];
    }
  /** Every item to validate was. */
  | { readonly kind: 'schema-end' }
  /** The input ended; `clean` is false when a value was left open (unexpected end of input at `line`). */
  | { readonly kind: 'end'; readonly clean: boolean; readonly line: number; readonly items: number }
  /** Not a shape the worker splits: the main thread reads the file instead. */
  | { readonly kind: 'unsplittable'; readonly reason: string }
  /** The file cannot be read (I/O error, not UTF-8, an item too large): the same error as the main-thread reader's. */
  | {
      readonly kind: 'error';
      readonly message: string;
      /** Offset of the first byte that is not UTF-8. */ readonly invalidUtf8At?: number;
    };

/** From the main thread: one batch was consumed. */
export interface JsonReadAck {
  readonly kind: 'ack';
}
