import { KubetuneError } from '../../core/errors.js';

/** The data cannot support a model (too little of it, or latency that the features do not explain). */
export class ModelRefusedError extends KubetuneError {
  readonly code = 'KT_MODEL_REFUSED';
}
