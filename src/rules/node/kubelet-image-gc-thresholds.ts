import { PERCENT } from '../../core/numbers.js';
import { defineRule } from '../../engine/define-rule.js';
import type { PatchOp } from '../../engine/types.js';
import { KUBELET_DEFAULTS } from '../../knowledge/kubelet-config.js';
import { asComponent, canPatch } from '../../model/components/types.js';
import { kubeletView } from '../../model/components/kubelet.js';

export default defineRule({
  id: 'kubelet-image-gc-thresholds',
  area: 'node',
  target: 'component',
  components: ['kubelet-config'],
  defaultSeverity: 'warning',
  priority: 'P1',
  fixable: true,
  summary: 'Image garbage collection thresholds leave room on the image filesystem.',
  rationale:
    'The kubelet deletes unused images when image-filesystem usage passes imageGCHighThresholdPercent, down to imageGCLowThresholdPercent (defaults 85/80). At 100 image GC never runs and the disk fills with old images until imagefs eviction (or nothing) reacts; a low threshold at or above the high one is rejected and the kubelet does not start.',
  messages: {
    disabled: 'imageGCHighThresholdPercent {high} disables image garbage collection.',
    inverted:
      'imageGCLowThresholdPercent {low} is not below imageGCHighThresholdPercent {high}; the kubelet rejects this configuration.',
  },
  *check(subject) {
    const c = asComponent(subject, 'kubelet-config');
    if (!c) return;
    const v = kubeletView(c);
    const high = v.imageGCHighThresholdPercent ?? KUBELET_DEFAULTS.imageGCHighThresholdPercent;
    const low = v.imageGCLowThresholdPercent ?? KUBELET_DEFAULTS.imageGCLowThresholdPercent;
    const highPath = [...c.base, 'imageGCHighThresholdPercent'];
    if (high >= PERCENT) {
      const ops: PatchOp[] = [{ op: 'replace', path: highPath, value: KUBELET_DEFAULTS.imageGCHighThresholdPercent }];
      if (low >= KUBELET_DEFAULTS.imageGCHighThresholdPercent)
        ops.push({
          op: 'replace' as const,
          path: [...c.base, 'imageGCLowThresholdPercent'],
          value: KUBELET_DEFAULTS.imageGCLowThresholdPercent,
        });
      yield { messageId: 'disabled', path: highPath, data: { high }, ...(canPatch(c) ? { fix: ops } : {}) };
    } else if (low >= high)
      yield { messageId: 'inverted', path: [...c.base, 'imageGCLowThresholdPercent'], data: { low, high } };
  },
});
