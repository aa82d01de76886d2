import { asArray, asRecord, asString, isRecord } from '../../model/object.js';
import { KubeApiError } from './errors.js';
import { getWithRetry, statusMessage, type RetryPolicy } from './request.js';
import type { KubeApi } from './transport.js';

/** Group → versions the API server serves ('' = core, always v1). Undefined when discovery itself was refused. */
export type ServedGroups = ReadonlyMap<string, ReadonlySet<string>>;

export interface Discovery {
  readonly served?: ServedGroups;
  /** `gitVersion` of /version, e.g. v1.35.0. */
  readonly gitVersion?: string;
}

/** Reads /version and /apis. A 401 here means the credentials are wrong: nothing else will work, so it throws. */
export async function discover(api: KubeApi, policy: RetryPolicy): Promise<Discovery> {
  const [version, groups] = await Promise.all([
    getWithRetry(api, '/version', {}, policy),
    getWithRetry(api, '/apis', {}, policy),
  ]);
  for (const r of [version, groups])
    if (r.status === 401)
      throw new KubeApiError(
        api.server,
        401,
        `unauthorized: ${statusMessage(r)} (check the credentials of the context)`,
      );
  const gitVersion = version.status === 200 ? asString(asRecord(parseJson(version.body))['gitVersion']) : undefined;
  if (groups.status !== 200) return gitVersion !== undefined ? { gitVersion } : {};
  const served = new Map<string, Set<string>>([['', new Set(['v1'])]]);
  for (const g of asArray(asRecord(parseJson(groups.body))['groups'])) {
    if (!isRecord(g)) continue;
    const name = asString(g['name']);
    if (name === undefined) continue;
    const versions = new Set(asArray(g['versions']).flatMap((v) => asString(asRecord(v)['version']) ?? []));
    served.set(name, versions);
  }
  return { served, ...(gitVersion !== undefined ? { gitVersion } : {}) };
}

/** The first of `versions` the server serves; with no discovery the preferred one is tried and a 404 tells. */
export function pickVersion(
  served: ServedGroups | undefined,
  group: string,
  versions: readonly string[],
): string | undefined {
  if (!served) return versions[0];
  const have = served.get(group);
  return have ? versions.find((v) => have.has(v)) : undefined;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
