import type { ObjectRef, SourceLocation } from './object.js';

/**
 * A node or control-plane component's configuration as read from files or the cluster
 * (flags, KubeletConfiguration, KubeSchedulerConfiguration, containerd, sysctl...).
 * Concrete shapes live in `components/types.ts`; `component` tells them apart.
 * `source.lines` maps `JSON.stringify(path)` to the line of each value, so findings on any value keep file and line.
 */
export interface ComponentConfigBase {
  readonly component: string;
  readonly ref: ObjectRef;
  readonly source?: SourceLocation;
}
