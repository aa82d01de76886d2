import { SourceUnavailableError } from '../core/errors.js';
import type { ReadResult } from '../sources/files/read.js';
import type { CliIo } from './io.js';

export interface LiveReadOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
}

/** Reads the current kube context (replaced by the live source). */
export async function readLiveCluster(_options: LiveReadOptions, _io: CliIo): Promise<ReadResult> {
  throw new SourceUnavailableError('the current kube context', new Error('live cluster reading is not built yet'));
}
