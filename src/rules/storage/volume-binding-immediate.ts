import { defineRule } from '../../engine/define-rule.js';
import { TOPOLOGY_BOUND_PROVISIONERS } from '../../knowledge/storage.js';
import { asString } from '../../model/object.js';

export default defineRule({
  id: 'volume-binding-immediate',
  area: 'storage',
  target: 'object',
  kinds: ['StorageClass'],
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'StorageClasses of zonal or local volumes bind with WaitForFirstConsumer.',
  rationale:
    "With volumeBindingMode: Immediate (the default) the volume is provisioned as soon as the PVC exists, in a zone (cloud disks) or on a node (local volumes) chosen without knowing where the pod will run. When the pod's CPU, memory, affinity or spread constraints point elsewhere it stays Pending with a volume node affinity conflict. WaitForFirstConsumer provisions the volume where the scheduler put the pod. The field is immutable: apply the fix by recreating the StorageClass (existing PVs are not affected).",
  messages: {
    immediate:
      '{provisioner} volumes are zonal or node-local but volumeBindingMode is {mode}: the volume may land where the pod cannot run.',
  },
  *check(resource) {
    const provisioner = asString(resource.object['provisioner']) ?? '';
    if (!TOPOLOGY_BOUND_PROVISIONERS.has(provisioner)) return;
    const mode = asString(resource.object['volumeBindingMode']);
    if (mode === 'WaitForFirstConsumer') return;
    const path = ['volumeBindingMode'];
    yield {
      messageId: 'immediate',
      path,
      data: { provisioner, mode: mode ?? 'Immediate (default)' },
      fix: [{ op: mode === undefined ? ('add' as const) : ('replace' as const), path, value: 'WaitForFirstConsumer' }],
    };
  },
});
