/** Messages between the parse pool (main thread) and its workers (parse-worker.ts). */
import type { SchemaProblem } from '../../knowledge/schema.js';

export interface ParseRequest {
  readonly id: number;
  readonly file: string;
  /** `yaml`: parse each document; `json`: each text is a JSON item the main thread parsed, only validate it. */
  readonly format: 'yaml' | 'json';
  readonly texts: readonly string[];
  /** Also validate the objects against the schema. */
  readonly validate: boolean;
}

/**
 * Schema problems per object of a document: one entry for an object, one per item of a List; null for a value that
 * is not an object of a built-in kind (or when validation was not asked for).
 */
export type SchemaOutcome = readonly (readonly SchemaProblem[] | null)[] | null;

export interface ParseError {
  readonly kind: 'yaml' | 'unsafe' | 'too-deep';
  /** Line within the document. */
  readonly lineOffset: number;
  readonly message: string;
}

export interface ParseResult {
  /** The document as compact JSON (undefined for an empty document). */
  readonly json?: string | undefined;
  /** The document itself, when JSON cannot carry it exactly (NaN, Infinity, -0). */
  readonly value?: unknown;
  readonly schema?: SchemaOutcome;
  readonly error?: ParseError;
}

export interface ParseResponse {
  readonly id: number;
  readonly results?: readonly ParseResult[];
  /** The worker failed on this batch (a bug): the main thread parses the batch itself. */
  readonly failure?: string;
}
