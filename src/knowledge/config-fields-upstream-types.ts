/** Shapes of the generated config-field tables (config-fields-upstream-data.ts, scripts/gen-config-fields.ts). */

/** [field, type, default (null when the reference names none), releases listing it, first release deprecating it]. */
export type ConfigFieldRow = readonly [
  name: string,
  type: string,
  defaultValue: string | null,
  releases: string,
  deprecatedIn: string | null,
];

export interface UpstreamConfigTable {
  readonly apiVersion: string;
  readonly kind: string;
  readonly repo: string;
  readonly path: string;
  /** Release → website commit the rows of that release were read at (releases whose reference has the kind). */
  readonly revisions: Readonly<Record<string, string>>;
  readonly fields: readonly ConfigFieldRow[];
}
