import { compareVersions, parseKubeVersion, type KubeVersion } from '../core/version.js';
import { APISERVER_FLAGS } from './flags-apiserver.js';
import { CONTROLLER_MANAGER_FLAGS, SCHEDULER_FLAGS } from './flags-controllers.js';
import { KUBELET_FLAGS } from './flags-kubelet.js';
import { ETCD_FLAGS, KUBE_PROXY_FLAGS } from './flags-proxy-etcd.js';
import { COMPONENT_NAMES, type ComponentName, type FlagCatalogue, type FlagChange } from './flags-types.js';

export { COMPONENT_NAMES, isComponentName, type ComponentName, type FlagChange } from './flags-types.js';

export const FLAG_CATALOGUES: Readonly<Record<ComponentName, FlagCatalogue>> = {
  'kube-apiserver': APISERVER_FLAGS,
  'kube-controller-manager': CONTROLLER_MANAGER_FLAGS,
  'kube-scheduler': SCHEDULER_FLAGS,
  kubelet: KUBELET_FLAGS,
  'kube-proxy': KUBE_PROXY_FLAGS,
  etcd: ETCD_FLAGS,
};

export type FlagState = 'valid' | 'deprecated' | 'removed' | 'not-yet' | 'unknown';

export interface FlagStatus {
  readonly state: FlagState;
  /** The versioned fact behind a deprecated / removed / not-yet state. */
  readonly change?: FlagChange;
  /** Components that accept this flag in the same release (for "wrong component" findings). */
  readonly acceptedBy: readonly ComponentName[];
}

const reached = (v: KubeVersion, release: string | undefined): boolean => {
  const r = release === undefined ? undefined : parseKubeVersion(release);
  return r !== undefined && compareVersions({ ...v, patch: 0 }, { ...r, patch: 0 }) >= 0;
};

function stateIn(catalogue: FlagCatalogue, name: string, v: KubeVersion): { state: FlagState; change?: FlagChange } {
  const change = catalogue.changes.find((c) => c.name === name);
  if (change) {
    if (change.since !== undefined && !reached(v, change.since)) return { state: 'not-yet', change };
    if (reached(v, change.removedIn)) return { state: 'removed', change };
    if (reached(v, change.deprecatedIn)) return { state: 'deprecated', change };
    return { state: 'valid', change };
  }
  return { state: catalogue.stable.has(name) ? 'valid' : 'unknown' };
}

/** What release `v` of `component` does with `--name` (name without dashes). */
export function flagStatus(component: ComponentName, name: string, v: KubeVersion): FlagStatus {
  const own = stateIn(FLAG_CATALOGUES[component], name, v);
  const acceptedBy = COMPONENT_NAMES.filter((c) => {
    if (c === component) return false;
    const s = stateIn(FLAG_CATALOGUES[c], name, v).state;
    return s === 'valid' || s === 'deprecated';
  });
  return { ...own, acceptedBy };
}

/** Whether the component would refuse to start with this flag. */
export const isFatalFlagState = (s: FlagState): boolean => s === 'removed' || s === 'not-yet' || s === 'unknown';
