/** Shapes of the generated upstream flag tables (src/knowledge/flags-upstream-data.ts, scripts/gen-flags.ts). */

/**
 * One flag: name (dashes normalised for Kubernetes components), pflag type (`bool`, `string`, `duration`, ...),
 * default as printed upstream (null when none is printed), the releases listing it (`1.25-1.28 1.30-1.35`,
 * `3.4-3.6` for etcd), the first release that deprecates it (null when none does), and `config` when the only
 * deprecation is "set it in the config file instead" (kubelet, kube-scheduler: the flag still works).
 */
export type UpstreamFlagRow = readonly [
  name: string,
  type: string,
  defaultValue: string | null,
  releases: string,
  deprecatedIn: string | null,
  note: 'config' | null,
];

export interface UpstreamComponentTable {
  readonly component: string;
  /** Repository and file(s) the rows were read from. */
  readonly repo: string;
  readonly path: string;
  /** Release → commit or tag the rows of that release were read at. */
  readonly revisions: Readonly<Record<string, string>>;
  readonly flags: readonly UpstreamFlagRow[];
}

export type UpstreamFlagTables = readonly UpstreamComponentTable[];
