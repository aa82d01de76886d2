/**
 * Reads the generated upstream flag tables (flags-upstream-data.ts, scripts/gen-flags.ts): which flags each
 * component lists in each release, with type, default and deprecation, and the release a Kubernetes version maps
 * to for each component (etcd by the etcd minor kubeadm pairs with that Kubernetes release).
 */
import type { KubeVersion } from '../core/version.js';
import type { ComponentName } from './flags-types.js';
import { UPSTREAM_FLAGS } from './flags-upstream-data.js';
import type { UpstreamComponentTable } from './flags-upstream-types.js';

export interface UpstreamFlag {
  readonly component: ComponentName;
  readonly name: string;
  readonly type: string;
  readonly defaultValue?: string;
  /** Releases (`1.25`, `3.5`) whose reference lists the flag, ascending. */
  readonly releases: readonly string[];
  readonly deprecatedIn?: string;
  /** Flag whose only deprecation is "set it in the component's config file instead" (kubelet, kube-scheduler). */
  readonly configFileField: boolean;
}

export interface UpstreamTable {
  readonly component: ComponentName;
  readonly repo: string;
  readonly path: string;
  /** Releases read, ascending, with the commit or tag each was read at. */
  readonly releases: readonly string[];
  readonly revisions: Readonly<Record<string, string>>;
  readonly flags: ReadonlyMap<string, UpstreamFlag>;
}

function expand(spec: string, all: readonly string[]): string[] {
  return spec.split(' ').flatMap((run) => {
    const [from, to = from] = run.split('-') as [string, string?];
    return all.slice(all.indexOf(from), all.indexOf(to!) + 1);
  });
}

function tableOf(t: UpstreamComponentTable): UpstreamTable {
  const component = t.component as ComponentName;
  const releases = Object.keys(t.revisions);
  const flags = new Map<string, UpstreamFlag>();
  for (const [name, type, dflt, spec, deprecatedIn, note] of t.flags)
    flags.set(name, {
      component,
      name,
      type,
      ...(dflt === null ? {} : { defaultValue: dflt }),
      releases: expand(spec, releases),
      ...(deprecatedIn === null ? {} : { deprecatedIn }),
      configFileField: note === 'config',
    });
  return { component, repo: t.repo, path: t.path, releases, revisions: t.revisions, flags };
}

let tables: ReadonlyMap<ComponentName, UpstreamTable> | undefined;

/** The generated table of one component (built once, on first use). */
export function upstreamTable(component: ComponentName): UpstreamTable {
  tables ??= new Map(UPSTREAM_FLAGS.map((t) => [t.component as ComponentName, tableOf(t)]));
  const t = tables.get(component);
  if (!t) throw new Error(`no upstream flag table for ${component}`); // the generator writes all six
  return t;
}

/**
 * etcd minor kubeadm installs with each Kubernetes minor (cmd/kubeadm/app/constants SupportedEtcdVersion):
 * 3.5 through Kubernetes 1.33, 3.6 from 1.34.
 */
const etcdMinorFor = (v: KubeVersion): string => (v.minor >= 34 ? '3.6' : v.minor >= 22 ? '3.5' : '3.4');

/** The release of the table that describes `component` in Kubernetes `v` (clamped to the releases read). */
export function upstreamReleaseFor(component: ComponentName, v: KubeVersion): string {
  const t = upstreamTable(component);
  if (component === 'etcd') return etcdMinorFor(v);
  const wanted = `${v.major}.${v.minor}`;
  if (t.releases.includes(wanted)) return wanted;
  const first = t.releases[0]!;
  return v.minor < Number(first.split('.')[1]) ? first : t.releases.at(-1)!;
}

/** Kubernetes components normalise `_` to `-` in flag names; etcd (Go's flag package) does not. */
export const normaliseFlagName = (component: ComponentName, name: string): string =>
  component === 'etcd' ? name : name.replace(/_/g, '-');

/** Reference page of one release, for sources in findings. */
export function upstreamSourceUrl(component: ComponentName, release: string): string {
  const t = upstreamTable(component);
  const rev = t.revisions[release] ?? t.revisions[t.releases.at(-1)!]!;
  const path = component !== 'etcd' ? t.path : release === '3.4' ? 'etcdmain/config.go' : 'server/etcdmain/config.go';
  return `https://github.com/${t.repo}/blob/${rev}/${path}`;
}
