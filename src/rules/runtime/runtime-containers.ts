import { toPercent } from '../../core/numbers.js';
import { humanBytes, type Bytes } from '../../core/units.js';
import { parseRuntimeSettings, type RuntimeSettings } from '../../model/runtime-settings.js';
import type { ContainerView, Workload } from '../../model/workload.js';

export interface ContainerRuntime {
  readonly container: ContainerView;
  readonly runtime: RuntimeSettings;
}

/** Every app and init container of a workload with its parsed runtime settings. */
export const containerRuntimes = (w: Workload): ContainerRuntime[] =>
  [...w.containers, ...w.initContainers].map((container) => ({ container, runtime: parseRuntimeSettings(container) }));

/** Share as a whole percentage for messages. */
export const percent = (share: number): number => toPercent(share);

export const size = (b: Bytes): string => humanBytes(Math.round(b));
