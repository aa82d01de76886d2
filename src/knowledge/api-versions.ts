import { compareVersions, parseKubeVersion, type KubeVersion } from '../core/version.js';
import { API_VERSION_FACTS, type ApiVersionFact } from './api-versions-data.js';

export type { ApiVersionFact } from './api-versions-data.js';

/** What a given release says about an apiVersion/kind. */
export interface ApiStatus {
  /** `removed`: the API server rejects it; `deprecated`: served with a warning; `ok`: deprecated only later. */
  readonly status: 'ok' | 'deprecated' | 'removed';
  readonly deprecatedIn?: string;
  readonly removedIn?: string;
  readonly replacement?: string;
  readonly source: string;
}

const index = new Map<string, ApiVersionFact>(API_VERSION_FACTS.map((f) => [`${f.apiVersion}\u0000${f.kind}`, f]));

const reached = (v: KubeVersion, release: string | undefined): boolean => {
  const r = release === undefined ? undefined : parseKubeVersion(release);
  return r !== undefined && compareVersions({ ...v, patch: 0 }, { ...r, patch: 0 }) >= 0;
};

/**
 * Status of `apiVersion` (e.g. `batch/v1beta1`) for `kind` in release `kubeVersion`.
 * `undefined` when kubetune knows nothing against it (every current, stable API).
 * `kind` may be a List kind (`CronJobList`): it is looked up as its item kind when not listed itself.
 */
export function apiStatus(apiVersion: string, kind: string, kubeVersion: KubeVersion): ApiStatus | undefined {
  const fact =
    index.get(`${apiVersion}\u0000${kind}`) ??
    (kind.endsWith('List') ? index.get(`${apiVersion}\u0000${kind.slice(0, -4)}`) : undefined);
  if (!fact) return undefined;
  const status = reached(kubeVersion, fact.removedIn)
    ? 'removed'
    : reached(kubeVersion, fact.deprecatedIn)
      ? 'deprecated'
      : 'ok';
  return {
    status,
    ...(fact.deprecatedIn !== undefined ? { deprecatedIn: fact.deprecatedIn } : {}),
    ...(fact.removedIn !== undefined ? { removedIn: fact.removedIn } : {}),
    ...(fact.replacement !== undefined ? { replacement: fact.replacement } : {}),
    source: fact.source,
  };
}

/** Every fact about an API group/version (all kinds), for listings and docs. */
export const apiFactsFor = (apiVersion: string): readonly ApiVersionFact[] =>
  API_VERSION_FACTS.filter((f) => f.apiVersion === apiVersion);
