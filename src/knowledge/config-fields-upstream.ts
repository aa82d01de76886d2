/**
 * Reads the generated config-field tables (config-fields-upstream-data.ts, scripts/gen-config-fields.ts): which
 * top-level fields a component config kind has in each Kubernetes release.
 */
import type { KubeVersion } from '../core/version.js';
import { UPSTREAM_CONFIG_FIELDS } from './config-fields-upstream-data.js';
import type { UpstreamConfigTable } from './config-fields-upstream-types.js';

export type UpstreamFieldState = 'valid' | 'deprecated' | 'not-yet' | 'removed' | 'unknown';

export interface UpstreamFieldStatus {
  readonly state: UpstreamFieldState;
  readonly since?: string;
  readonly removedIn?: string;
  readonly deprecatedIn?: string;
  /** Reference page (at the commit read) the verdict comes from. */
  readonly source: string;
}

interface Indexed {
  readonly table: UpstreamConfigTable;
  readonly releases: readonly string[];
  readonly fields: ReadonlyMap<string, { readonly releases: readonly string[]; readonly deprecatedIn?: string }>;
}

const minorOf = (r: string): number => Number(r.split('.')[1]);

function index(t: UpstreamConfigTable): Indexed {
  const releases = Object.keys(t.revisions);
  const expand = (spec: string): string[] =>
    spec.split(' ').flatMap((run) => {
      const [from, to = from] = run.split('-') as [string, string?];
      return releases.slice(releases.indexOf(from), releases.indexOf(to!) + 1);
    });
  const fields = new Map(
    t.fields.map(([name, , , spec, dep]) => [
      name,
      { releases: expand(spec), ...(dep === null ? {} : { deprecatedIn: dep }) },
    ]),
  );
  return { table: t, releases, fields };
}

let tables: ReadonlyMap<string, Indexed> | undefined;
const tableFor = (apiVersion: string, kind: string): Indexed | undefined => {
  tables ??= new Map(UPSTREAM_CONFIG_FIELDS.map((t) => [`${t.apiVersion} ${t.kind}`, index(t)]));
  return tables.get(`${apiVersion} ${kind}`);
};

/** The release of the table describing Kubernetes `v` (clamped to the releases read). */
function releaseFor(t: Indexed, v: KubeVersion): string {
  const wanted = `${v.major}.${v.minor}`;
  if (t.releases.includes(wanted)) return wanted;
  return v.minor < minorOf(t.releases[0]!) ? t.releases[0]! : t.releases.at(-1)!;
}

/** What Kubernetes `v` does with top-level `field` of `kind` at `apiVersion`; undefined without a table for them. */
export function upstreamFieldStatus(
  apiVersion: string,
  kind: string,
  field: string,
  v: KubeVersion,
): UpstreamFieldStatus | undefined {
  const t = tableFor(apiVersion, kind);
  if (!t) return undefined;
  const release = releaseFor(t, v);
  const source = `https://github.com/${t.table.repo}/blob/${t.table.revisions[release]}/${t.table.path}`;
  const f = t.fields.get(field);
  if (!f) return { state: 'unknown', source };
  if (f.releases.includes(release)) {
    const deprecated = f.deprecatedIn !== undefined && minorOf(f.deprecatedIn) <= minorOf(release);
    return deprecated ? { state: 'deprecated', deprecatedIn: f.deprecatedIn!, source } : { state: 'valid', source };
  }
  if (minorOf(release) < minorOf(f.releases[0]!)) return { state: 'not-yet', since: f.releases[0]!, source };
  const last = [...f.releases].reverse().find((r) => minorOf(r) < minorOf(release))!;
  return { state: 'removed', removedIn: t.releases[t.releases.indexOf(last) + 1]!, source };
}

/** Top-level fields of `kind` valid in Kubernetes `v` (for misspelling suggestions). */
export function upstreamFieldNames(apiVersion: string, kind: string, v: KubeVersion): string[] {
  const t = tableFor(apiVersion, kind);
  if (!t) return [];
  const release = releaseFor(t, v);
  return [...t.fields].filter(([, f]) => f.releases.includes(release)).map(([n]) => n);
}
