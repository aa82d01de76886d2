import { KubetuneError } from '../../core/errors.js';

/** No usable kubeconfig, unknown context, or credentials that could not be loaded (exit code 2 territory). */
export class KubeconfigError extends KubetuneError {
  readonly code = 'KT_KUBECONFIG';
}

/** The API server answered with something the live source cannot go on from (e.g. 401 on discovery). */
export class KubeApiError extends KubetuneError {
  readonly code = 'KT_KUBE_API';
  constructor(
    readonly url: string,
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${url}: ${status ? `HTTP ${status}: ` : ''}${message}`, options);
  }
}
