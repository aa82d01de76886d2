import type { JsonPath } from '../../core/json-path.js';
import type { Located } from '../../engine/types.js';
import { asArray, asRecord, asString, type Resource } from '../../model/object.js';
import type { Snapshot } from '../../model/snapshot.js';

export interface Claim {
  readonly name: string;
  /** storageClassName as written; undefined = the cluster default class. */
  readonly storageClassName?: string;
  readonly storage?: unknown;
  /** Path of the claim spec's storageClassName in its object. */
  readonly path: JsonPath;
  readonly at: Located;
}

function claimOf(resource: Resource, spec: Readonly<Record<string, unknown>>, specPath: JsonPath, name: string): Claim {
  const sc = asString(spec['storageClassName']);
  return {
    name,
    ...(sc !== undefined ? { storageClassName: sc } : {}),
    storage: asRecord(asRecord(spec['resources'])['requests'])['storage'],
    path: [...specPath, 'storageClassName'],
    at: resource,
  };
}

/** PVCs and StatefulSet volumeClaimTemplates of the snapshot. */
export function allClaims(snapshot: Snapshot): Claim[] {
  const out: Claim[] = [];
  for (const pvc of snapshot.byKind('PersistentVolumeClaim'))
    out.push(claimOf(pvc, asRecord(pvc.object['spec']), ['spec'], pvc.ref.name));
  for (const sts of snapshot.byKind('StatefulSet')) {
    asArray(asRecord(sts.object['spec'])['volumeClaimTemplates']).forEach((t, i) => {
      const name = `${sts.ref.name}/${asString(asRecord(asRecord(t)['metadata'])['name']) ?? i}`;
      out.push(claimOf(sts, asRecord(asRecord(t)['spec']), ['spec', 'volumeClaimTemplates', i, 'spec'], name));
    });
  }
  return out;
}

export const claimsOfClass = (snapshot: Snapshot, className: string): Claim[] =>
  allClaims(snapshot).filter((c) => c.storageClassName === className);
