/**
 * HotSpot options that changed state across JDK feature releases, as recorded in the `special_jvm_flags` table of
 * src/hotspot/share/runtime/arguments.cpp at each GA tag (https://github.com/openjdk/jdk) and the JEPs that removed them.
 *
 * States (arguments.cpp comment above the table):
 * - deprecated: accepted, still effective, warns;
 * - obsolete:   accepted, warns "Ignoring option X; support was removed in N", the value is IGNORED;
 * - expired:    "Unrecognized VM option 'X'" — the JVM refuses to start.
 */
export interface JvmOptionChange {
  /** Option name without `-XX:`/`+`/`-` (`UseConcMarkSweepGC`), or `X…` for `-X` options (`Xincgc`). */
  readonly name: string;
  /** Matches every option starting with `name` (for families such as `CMS*`). */
  readonly prefix?: boolean;
  readonly deprecatedIn?: number;
  readonly obsoleteIn?: number;
  readonly expiredIn?: number;
  readonly replacement: string;
  readonly source: string;
}

const ARGS = (tag: string) => `https://github.com/openjdk/jdk/blob/${tag}/src/hotspot/share/runtime/arguments.cpp`;
const GC_LOGGING = {
  expiredIn: 9,
  replacement: 'unified logging: -Xlog:gc*:file=<file>:time,uptime:filecount=5,filesize=10m',
  source: 'https://openjdk.org/jeps/158',
};

export const JVM_OPTION_CHANGES: readonly JvmOptionChange[] = [
  {
    name: 'UseConcMarkSweepGC',
    deprecatedIn: 9,
    obsoleteIn: 14,
    expiredIn: 15,
    replacement: '-XX:+UseG1GC (the default)',
    source: 'https://openjdk.org/jeps/363',
  },
  {
    name: 'CMS',
    prefix: true,
    obsoleteIn: 14,
    expiredIn: 15,
    replacement: 'G1 tuning (-XX:MaxGCPauseMillis)',
    source: ARGS('jdk-14%2B36'),
  },
  {
    name: 'UseCMSInitiatingOccupancyOnly',
    obsoleteIn: 14,
    expiredIn: 15,
    replacement: '-XX:InitiatingHeapOccupancyPercent (G1)',
    source: ARGS('jdk-14%2B36'),
  },
  { name: 'Xincgc', expiredIn: 9, replacement: '-XX:+UseG1GC', source: 'https://openjdk.org/jeps/214' },
  { name: 'UseParNewGC', expiredIn: 10, replacement: '-XX:+UseG1GC', source: 'https://openjdk.org/jeps/214' },
  {
    name: 'UseParallelOldGC',
    deprecatedIn: 14,
    obsoleteIn: 15,
    expiredIn: 16,
    replacement: '-XX:+UseParallelGC alone',
    source: 'https://openjdk.org/jeps/366',
  },
  {
    name: 'UseBiasedLocking',
    deprecatedIn: 15,
    obsoleteIn: 18,
    expiredIn: 19,
    replacement: 'nothing (biased locking is gone)',
    source: 'https://openjdk.org/jeps/374',
  },
  {
    name: 'BiasedLockingStartupDelay',
    deprecatedIn: 15,
    obsoleteIn: 18,
    expiredIn: 19,
    replacement: 'nothing (biased locking is gone)',
    source: 'https://openjdk.org/jeps/374',
  },
  {
    name: 'PermSize',
    obsoleteIn: 8,
    expiredIn: 17,
    replacement: '-XX:MetaspaceSize',
    source: 'https://openjdk.org/jeps/122',
  },
  {
    name: 'MaxPermSize',
    obsoleteIn: 8,
    expiredIn: 17,
    replacement: '-XX:MaxMetaspaceSize',
    source: 'https://openjdk.org/jeps/122',
  },
  {
    name: 'AggressiveOpts',
    deprecatedIn: 11,
    obsoleteIn: 12,
    expiredIn: 13,
    replacement: 'nothing',
    source: ARGS('jdk-11%2B28'),
  },
  { name: 'PrintGCTimeStamps', ...GC_LOGGING },
  { name: 'PrintGCDateStamps', ...GC_LOGGING },
  { name: 'UseGCLogFileRotation', ...GC_LOGGING },
  { name: 'NumberOfGCLogFiles', ...GC_LOGGING },
  { name: 'GCLogFileSize', ...GC_LOGGING },
  { name: 'PrintGCDetails', deprecatedIn: 9, replacement: '-Xlog:gc*', source: 'https://openjdk.org/jeps/158' },
  { name: 'Xloggc', deprecatedIn: 9, replacement: '-Xlog:gc:<file>', source: 'https://openjdk.org/jeps/158' },
  {
    name: 'UseCGroupMemoryLimitForHeap',
    expiredIn: 11,
    replacement: 'nothing: container support (-XX:+UseContainerSupport) is the default since 10',
    source: 'https://bugs.openjdk.org/browse/JDK-8194086',
  },
  {
    name: 'UseContainerCpuShares',
    deprecatedIn: 19,
    obsoleteIn: 20,
    expiredIn: 21,
    replacement: 'nothing: CPU shares no longer size the JVM',
    source: ARGS('jdk-20%2B36'),
  },
  {
    name: 'PreferContainerQuotaForCPUCount',
    deprecatedIn: 19,
    obsoleteIn: 20,
    expiredIn: 21,
    replacement: '-XX:ActiveProcessorCount',
    source: ARGS('jdk-20%2B36'),
  },
  {
    name: 'ZGenerational',
    deprecatedIn: 23,
    obsoleteIn: 24,
    expiredIn: 26,
    replacement: 'nothing: ZGC is generational only since 24',
    source: 'https://openjdk.org/jeps/490',
  },
  {
    name: 'MaxRAMFraction',
    deprecatedIn: 10,
    replacement: '-XX:MaxRAMPercentage',
    source: 'https://bugs.openjdk.org/browse/JDK-8186248',
  },
  {
    name: 'MinRAMFraction',
    deprecatedIn: 10,
    replacement: '-XX:MinRAMPercentage',
    source: 'https://bugs.openjdk.org/browse/JDK-8186248',
  },
  {
    name: 'InitialRAMFraction',
    deprecatedIn: 10,
    replacement: '-XX:InitialRAMPercentage',
    source: 'https://bugs.openjdk.org/browse/JDK-8186248',
  },
];

export type JvmOptionState = 'current' | 'deprecated' | 'obsolete' | 'expired';

export const findJvmOptionChange = (name: string): JvmOptionChange | undefined =>
  JVM_OPTION_CHANGES.find((c) => c.name === name) ??
  JVM_OPTION_CHANGES.find((c) => c.prefix && name.startsWith(c.name));

/** The state of an option on a JDK feature release. */
export function jvmOptionState(change: JvmOptionChange, jdk: number): JvmOptionState {
  if (change.expiredIn !== undefined && jdk >= change.expiredIn) return 'expired';
  if (change.obsoleteIn !== undefined && jdk >= change.obsoleteIn) return 'obsolete';
  if (change.deprecatedIn !== undefined && jdk >= change.deprecatedIn) return 'deprecated';
  return 'current';
}

/** First release in which the option stopped working (ignored or fatal). */
export const removedIn = (c: JvmOptionChange): number | undefined => c.obsoleteIn ?? c.expiredIn;
