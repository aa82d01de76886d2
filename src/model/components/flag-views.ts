/** Typed views of the flags rules look at, per component (STYLE.md B2: ApiServerFlags, EtcdFlags), parsed once. */
import type { Bytes } from '../../core/units.js';
import { boolFlag, bytesFlag, durationMsFlag, intFlag, memoView, stringFlag, type TypedFlag } from './flag-values.js';
import { flagOf } from './types.js';

type F<T> = TypedFlag<T> | undefined;

export interface EtcdFlags {
  readonly snapshotCount: F<number>;
  readonly heartbeatIntervalMs: F<number>;
  readonly electionTimeoutMs: F<number>;
  readonly quotaBackendBytes: F<Bytes>;
  readonly dataDir: F<string>;
  readonly walDir: F<string>;
  readonly autoCompactionRetention: F<string>;
}

/** etcd takes its intervals as plain integers of milliseconds. */
export const etcdFlags = memoView((c): EtcdFlags => ({
  snapshotCount: intFlag(c, 'snapshot-count'),
  heartbeatIntervalMs: intFlag(c, 'heartbeat-interval'),
  electionTimeoutMs: intFlag(c, 'election-timeout'),
  quotaBackendBytes: bytesFlag(c, 'quota-backend-bytes'),
  dataDir: stringFlag(c, 'data-dir'),
  walDir: stringFlag(c, 'wal-dir'),
  autoCompactionRetention: stringFlag(c, 'auto-compaction-retention'),
}));

export interface ApiServerFlags {
  readonly maxRequestsInflight: F<number>;
  readonly maxMutatingRequestsInflight: F<number>;
  readonly enablePriorityAndFairness: F<boolean>;
  readonly watchCache: F<boolean>;
  readonly defaultWatchCacheSize: F<number>;
  readonly watchCacheSizes: F<string>;
  readonly etcdCompactionIntervalMs: F<number>;
}

export const apiServerFlags = memoView((c): ApiServerFlags => ({
  maxRequestsInflight: intFlag(c, 'max-requests-inflight'),
  maxMutatingRequestsInflight: intFlag(c, 'max-mutating-requests-inflight'),
  enablePriorityAndFairness: boolFlag(c, 'enable-priority-and-fairness'),
  watchCache: boolFlag(c, 'watch-cache'),
  defaultWatchCacheSize: intFlag(c, 'default-watch-cache-size'),
  watchCacheSizes: stringFlag(c, 'watch-cache-sizes'),
  etcdCompactionIntervalMs: durationMsFlag(c, 'etcd-compaction-interval'),
}));

export interface ControllerManagerFlags {
  /** --node-cidr-mask-size, else --node-cidr-mask-size-ipv4. */
  readonly nodeCidrMaskSize: F<number>;
}

export const controllerManagerFlags = memoView((c): ControllerManagerFlags => ({
  nodeCidrMaskSize: flagOf(c, 'node-cidr-mask-size')
    ? intFlag(c, 'node-cidr-mask-size')
    : intFlag(c, 'node-cidr-mask-size-ipv4'),
}));

/** --profiling, shared by the API server, controller-manager and scheduler. */
export const profilingFlag = memoView((c) => boolFlag(c, 'profiling'));
