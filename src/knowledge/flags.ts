import { compareVersions, parseKubeVersion, type KubeVersion } from '../core/version.js';
import { APISERVER_FLAGS } from './flags-apiserver.js';
import { CONTROLLER_MANAGER_FLAGS, SCHEDULER_FLAGS } from './flags-controllers.js';
import { KUBELET_FLAGS } from './flags-kubelet.js';
import { ETCD_FLAGS, KUBE_PROXY_FLAGS } from './flags-proxy-etcd.js';
import { nearestFlag } from './flags-suggest.js';
import { COMPONENT_NAMES, type ComponentName, type FlagCatalogue, type FlagChange } from './flags-types.js';
import { normaliseFlagName, upstreamReleaseFor, upstreamSourceUrl, upstreamTable } from './flags-upstream.js';

export { COMPONENT_NAMES, isComponentName, type ComponentName, type FlagChange } from './flags-types.js';

/** Hand-kept facts with their sources (changelogs, KEPs, upgrade guides): they win over the generated tables. */
export const FLAG_CATALOGUES: Readonly<Record<ComponentName, FlagCatalogue>> = {
  'kube-apiserver': APISERVER_FLAGS,
  'kube-controller-manager': CONTROLLER_MANAGER_FLAGS,
  'kube-scheduler': SCHEDULER_FLAGS,
  kubelet: KUBELET_FLAGS,
  'kube-proxy': KUBE_PROXY_FLAGS,
  etcd: ETCD_FLAGS,
};

/**
 * `unlisted`: the upstream reference listed the flag in an earlier release and no longer does. Kubernetes hides
 * flags it deprecates (pflag MarkDeprecated) as well as removing them, so the page alone cannot tell which.
 */
export type FlagState = 'valid' | 'deprecated' | 'removed' | 'unlisted' | 'not-yet' | 'unknown';

export interface FlagStatus {
  readonly state: FlagState;
  /** The versioned fact behind a deprecated / removed / unlisted / not-yet state. */
  readonly change?: FlagChange;
  /** For `unlisted`: the last release whose reference lists the flag. */
  readonly lastListed?: string;
  /** Components that accept this flag in the same release (for "wrong component" findings). */
  readonly acceptedBy: readonly ComponentName[];
  /** For `unknown`: the nearest flag the component does accept in this release (a likely misspelling). */
  readonly suggestion?: string;
}

const reached = (v: KubeVersion, release: string | undefined): boolean => {
  const r = release === undefined ? undefined : parseKubeVersion(release);
  return r !== undefined && compareVersions({ ...v, patch: 0 }, { ...r, patch: 0 }) >= 0;
};

type Own = { state: FlagState; change?: FlagChange; lastListed?: string };

function curated(catalogue: FlagCatalogue, name: string, v: KubeVersion): Own | undefined {
  const change = catalogue.changes.find((c) => c.name === name);
  if (!change) return undefined;
  if (change.since !== undefined && !reached(v, change.since)) return { state: 'not-yet', change };
  if (reached(v, change.removedIn)) return { state: 'removed', change };
  if (reached(v, change.deprecatedIn)) return { state: 'deprecated', change };
  return { state: 'valid', change };
}

/** What the generated upstream table says of `name` in the release that `v` maps to. */
function upstream(component: ComponentName, name: string, v: KubeVersion): Own | undefined {
  const t = upstreamTable(component);
  const f = t.flags.get(name);
  if (!f) return undefined;
  const release = upstreamReleaseFor(component, v);
  const at = t.releases.indexOf(release);
  const first = t.releases.indexOf(f.releases[0]!);
  const source = upstreamSourceUrl(component, release);
  const deprecated = (): Own =>
    f.deprecatedIn !== undefined && t.releases.indexOf(f.deprecatedIn) <= at
      ? { state: 'deprecated', change: { name, deprecatedIn: f.deprecatedIn, source } }
      : { state: 'valid' };
  if (f.releases.includes(release)) return deprecated();
  // Listed first already deprecated: it existed before, hidden (pflag MarkDeprecated) until the page showed it.
  if (at < first)
    return f.deprecatedIn === f.releases[0]
      ? { state: 'deprecated', change: { name, deprecatedIn: `before ${f.deprecatedIn} (hidden until then)`, source } }
      : { state: 'not-yet', change: { name, since: f.releases[0]!, source } };
  const lastListed = [...f.releases].reverse().find((r) => t.releases.indexOf(r) < at)!;
  const removedIn = t.releases[t.releases.indexOf(lastListed) + 1]!;
  // etcd's table is its flag definitions, which hide nothing: a flag gone from them is gone.
  return { state: component === 'etcd' ? 'removed' : 'unlisted', lastListed, change: { name, removedIn, source } };
}

function stateIn(component: ComponentName, raw: string, v: KubeVersion): Own {
  const name = normaliseFlagName(component, raw);
  const catalogue = FLAG_CATALOGUES[component];
  const fromCurated = curated(catalogue, name, v);
  if (fromCurated) return fromCurated;
  const fromUpstream = upstream(component, name, v);
  if (fromUpstream && (fromUpstream.state === 'valid' || fromUpstream.state === 'deprecated')) return fromUpstream;
  // Hand-kept flags valid over the whole range cover gaps of the generated pages (the kubelet page is partly
  // edited by hand and missed --tls-min-version before 1.34).
  if (catalogue.stable.has(name)) return { state: 'valid' };
  return fromUpstream ?? { state: 'unknown' };
}

const accepts = (c: ComponentName, name: string, v: KubeVersion): boolean => {
  const s = stateIn(c, name, v).state;
  return s === 'valid' || s === 'deprecated';
};

/** What release `v` of `component` does with `--name` (name without dashes). */
export function flagStatus(component: ComponentName, name: string, v: KubeVersion): FlagStatus {
  const own = stateIn(component, name, v);
  const acceptedBy = COMPONENT_NAMES.filter((c) => c !== component && accepts(c, name, v));
  if (own.state !== 'unknown' || acceptedBy.length > 0) return { ...own, acceptedBy };
  const suggestion = nearestFlag(normaliseFlagName(component, name), acceptedFlags(component, v));
  return { ...own, acceptedBy, ...(suggestion === undefined ? {} : { suggestion }) };
}

/** Every flag `component` accepts in release `v` (valid or deprecated). */
export function acceptedFlags(component: ComponentName, v: KubeVersion): string[] {
  const names = new Set([...upstreamTable(component).flags.keys(), ...FLAG_CATALOGUES[component].stable]);
  for (const c of FLAG_CATALOGUES[component].changes) names.add(c.name);
  return [...names].filter((n) => accepts(component, n, v)).sort();
}

/** Whether the component would refuse to start with this flag (`unlisted` may only be hidden: not counted). */
export const isFatalFlagState = (s: FlagState): boolean => s === 'removed' || s === 'not-yet' || s === 'unknown';

/** How a release of the tables reads in messages: etcd's own minors (`3.6`) say so. */
export const releaseLabel = (component: ComponentName, release: string): string =>
  component === 'etcd' && release.startsWith('3.') ? `etcd ${release}` : `Kubernetes ${release}`;
