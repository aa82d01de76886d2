import type { ObjectRef, SourceLocation } from './object.js';

/**
 * A node or control-plane component's configuration as read from files or the cluster
 * (flags, KubeletConfiguration, KubeSchedulerConfiguration, containerd, sysctl...).
 * Concrete shapes live beside this type; `component` tells them apart.
 */
export interface ComponentConfigBase {
  readonly component: string;
  readonly ref: ObjectRef;
  readonly source?: SourceLocation;
}
