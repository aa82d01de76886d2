import { defineRule } from '../../engine/define-rule.js';
import { asRecord, asString } from '../../model/object.js';

export default defineRule({
  id: 'pv-reclaim-policy',
  area: 'storage',
  target: 'object',
  kinds: ['PersistentVolume', 'StorageClass'],
  defaultSeverity: 'warning',
  summary: 'Reclaim policies are Retain or Delete, never the deprecated Recycle.',
  rationale:
    'Recycle (rm -rf of the volume, then reuse) is deprecated and only ever worked for NFS and hostPath; dynamic provisioning replaced it. A StorageClass accepts only Delete or Retain, so Recycle there is rejected. For volumes holding data that must survive the deletion of its claim (databases), use Retain on the StorageClass or patch the bound PV.',
  messages: {
    recycle: 'reclaim policy Recycle is deprecated{where}; use Delete (with dynamic provisioning) or Retain.',
  },
  *check(resource) {
    const isClass = resource.object.kind === 'StorageClass';
    const policy = isClass
      ? asString(resource.object['reclaimPolicy'])
      : asString(asRecord(resource.object['spec'])['persistentVolumeReclaimPolicy']);
    if (policy !== 'Recycle') return;
    yield {
      messageId: 'recycle',
      path: isClass ? ['reclaimPolicy'] : ['spec', 'persistentVolumeReclaimPolicy'],
      data: { where: isClass ? ' and a StorageClass rejects it' : '' },
    };
  },
});
