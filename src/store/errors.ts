import { KubetuneError } from '../core/errors.js';

/** The history store could not be opened, migrated, read or written. */
export class BenchStoreError extends KubetuneError {
  readonly code = 'KT_BENCH_STORE';
}
