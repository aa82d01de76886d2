/** Folds per-release flag lists into the compact, canonical rows of src/knowledge/flags-upstream-data.ts. */
import type { UpstreamComponentTable, UpstreamFlagRow } from '../../src/knowledge/flags-upstream-types.js';
import type { PageFlag } from './reference-page.js';

export interface GeneratedComponent {
  readonly component: string;
  readonly source: { readonly repo: string; readonly path: string };
  /** Release (`1.25`, `3.5`) → revision read and the flags found there, releases in ascending order. */
  readonly releases: Readonly<Record<string, { readonly revision: string; readonly flags: readonly PageFlag[] }>>;
}

const minorOf = (r: string): number => Number(r.split('.')[1]);

/** `1.25 1.26 1.27 1.30` → `1.25-1.27 1.30` (consecutive minors of the list of releases read). */
export function compressReleases(listed: readonly string[], all: readonly string[]): string {
  const runs: string[][] = [];
  for (const r of listed) {
    const last = runs.at(-1);
    const prev = last?.at(-1);
    if (last && prev !== undefined && all.indexOf(r) === all.indexOf(prev) + 1) last.push(r);
    else runs.push([r]);
  }
  return runs.map((run) => (run.length === 1 ? run[0]! : `${run[0]}-${run.at(-1)}`)).join(' ');
}

/**
 * The blanket notice on flags that have a config-file field (kubelet: "should be set via the config file";
 * kube-scheduler: "ignored if a config file is specified in --config"): the flag still works without --config.
 */
const CONFIG_FILE_ONLY =
  /DEPRECATED: This parameter should be set via the config file|This parameter is ignored if a config file is specified in --config/;

export function canonicalFlagData(components: readonly GeneratedComponent[]): UpstreamComponentTable[] {
  return components.map((c) => {
    const releases = Object.keys(c.releases).sort((a, b) => minorOf(a) - minorOf(b));
    const rows = new Map<string, { listed: string[]; last: PageFlag; deprecatedIn?: string; config: boolean }>();
    for (const r of releases)
      for (const f of c.releases[r]!.flags) {
        const row = rows.get(f.name) ?? { listed: [], last: f, config: false };
        row.listed.push(r);
        row.last = f;
        const configOnly = f.deprecated && CONFIG_FILE_ONLY.test(f.help ?? '');
        if (configOnly) row.config = true;
        else if (f.deprecated && row.deprecatedIn === undefined) row.deprecatedIn = r;
        rows.set(f.name, row);
      }
    const flags: UpstreamFlagRow[] = [...rows]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, row]) => [
        name,
        row.last.type,
        row.last.default ?? null,
        compressReleases(row.listed, releases),
        row.deprecatedIn ?? null,
        row.config ? 'config' : null,
      ]);
    return {
      component: c.component,
      repo: c.source.repo,
      path: c.source.path,
      revisions: Object.fromEntries(releases.map((r) => [r, c.releases[r]!.revision])),
      flags,
    };
  });
}
