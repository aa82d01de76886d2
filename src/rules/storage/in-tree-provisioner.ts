import { defineRule } from '../../engine/define-rule.js';
import { formatKubeVersion, parseKubeVersion, compareVersions, type KubeVersion } from '../../core/version.js';
import {
  findInTreeProvisioner,
  IN_TREE_PROVISIONERS,
  inTreeRemovedIn,
  type InTreeProvisioner,
} from '../../knowledge/storage.js';
import { asRecord, asString } from '../../model/object.js';

const reached = (v: KubeVersion, r: string | undefined): boolean => {
  const p = r === undefined ? undefined : parseKubeVersion(r);
  return p !== undefined && compareVersions({ ...v, patch: 0 }, p) >= 0;
};

function describe(p: InTreeProvisioner, v: KubeVersion) {
  const removedIn = inTreeRemovedIn(p);
  const base = { plugin: p.provisioner, version: formatKubeVersion(v) };
  if (p.csiDriver && reached(v, removedIn))
    return { messageId: 'migratedOnly' as const, data: { ...base, removedIn: removedIn!, driver: p.csiDriver } };
  if (!p.csiDriver && reached(v, removedIn))
    return { messageId: 'gone' as const, data: { ...base, removedIn: removedIn! } };
  if (p.csiDriver && reached(v, p.migrationGA))
    return { messageId: 'migrated' as const, data: { ...base, since: p.migrationGA!, driver: p.csiDriver } };
  return { messageId: 'deprecated' as const, data: { ...base, replacement: p.csiDriver ?? 'a CSI driver' } };
}

export default defineRule({
  id: 'in-tree-provisioner',
  area: 'storage',
  target: 'object',
  kinds: ['StorageClass', 'PersistentVolume'],
  defaultSeverity: 'warning',
  summary: 'StorageClasses and PersistentVolumes use CSI drivers, not in-tree volume plugins.',
  rationale:
    'The in-tree cloud and storage plugins were moved out of Kubernetes. With CSI migration (GA per plugin between 1.24 and 1.26) an in-tree StorageClass or PV keeps working only by being translated to the CSI driver, which must be installed: a cluster upgraded past the removal release without, say, ebs.csi.aws.com cannot attach a single volume. Plugins without a CSI migration (glusterfs, quobyte, storageos) simply stop working. Point new StorageClasses at the CSI driver (the parameters mostly carry over; check the driver docs). Data: knowledge/storage.ts.',
  messages: {
    migratedOnly:
      '{plugin}: the in-tree plugin was removed in {removedIn}; on {version} volumes work only through CSI migration to {driver}, which must be installed. Use {driver}.',
    gone: '{plugin}: removed in {removedIn} with no CSI migration: on {version} these volumes cannot be provisioned or mounted.',
    migrated:
      '{plugin}: CSI migration is GA since {since}: operations go to {driver}, which must be installed. Use {driver} directly.',
    deprecated: '{plugin} is an in-tree plugin scheduled for removal; use {replacement}.',
  },
  *check(resource, { kubeVersion }) {
    if (resource.object.kind === 'StorageClass') {
      const p = findInTreeProvisioner(asString(resource.object['provisioner']) ?? '');
      if (p) yield { ...describe(p, kubeVersion), path: ['provisioner'] };
      return;
    }
    const spec = asRecord(resource.object['spec']);
    for (const p of IN_TREE_PROVISIONERS) {
      if (spec[p.volumePlugin] !== undefined) yield { ...describe(p, kubeVersion), path: ['spec', p.volumePlugin] };
    }
  },
});
