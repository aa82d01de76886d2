import type { Readable } from 'node:stream';
import type { ComponentConfigBase } from '../../model/component-config.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Resource } from '../../model/object.js';
import type { ComponentFileReader } from './component-readers.js';
import type { ListDirectory } from './discover.js';
import type { KustomizeRenderer } from './kustomize.js';
import type { ParallelOptions } from './parse-pool.js';

/** How findings and diagnostics name what was read from stdin. */
export const STDIN_NAME = '<stdin>';
/** Stdin is kept (for the field lines of its findings, see locate.ts) up to this size. */
export const STDIN_KEEP_LIMIT = 256 * 1024 * 1024;

/** Whole-file limit for inputs that cannot be streamed (a single non-List JSON value, component files). */
export const WHOLE_FILE_LIMIT = 64 * 1024 * 1024;

export interface ReadStats {
  files: number;
  documents: number;
  objects: number;
  skipped: Record<string, number>;
}

export interface ReadResult {
  readonly resources: Resource[];
  readonly components: ComponentConfigBase[];
  readonly diagnostics: Diagnostic[];
  readonly stats: ReadStats;
  /**
   * Settles (never rejects) when the schema validation a reader's worker still runs after the read is done
   * (`validateSchema`); until then `validateAgainstSchema` may validate those objects itself. Undefined when none runs.
   */
  readonly schemaValidated?: Promise<void>;
  /** What was read from stdin (up to STDIN_KEEP_LIMIT bytes), for `refineFindingLines`. */
  readonly stdin?: Buffer | undefined;
}

export interface ReadOptions {
  readonly stdin?: Readable;
  readonly componentReaders?: readonly ComponentFileReader[];
  /** Directory relative paths are resolved against (names are reported as given). */
  readonly cwd?: string;
  /** Worker threads for large files (YAML parsing, schema validation); `{ workers: 0 }` keeps to one thread. */
  readonly parallel?: ParallelOptions;
  /**
   * Renders directories with a kustomization: found on PATH (`kustomize`, else `kubectl kustomize`) when undefined;
   * `null`: never render (raw files with the kustomization's namespace and images applied).
   */
  readonly kustomize?: KustomizeRenderer | null;
  /** Lists directories (a port: tests simulate errors with it); the file system by default. */
  readonly listDirectory?: ListDirectory;
  /** Validate objects against the schema while reading (in the workers), for the `schema-invalid` rule. */
  readonly validateSchema?: boolean;
}
