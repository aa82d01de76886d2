import { defineRule } from '../../engine/define-rule.js';
import type { PatchOp } from '../../engine/types.js';
import { compareVersions, parseKubeVersion } from '../../core/version.js';
import { asComponent, canPatch } from '../../model/components/types.js';
import { kubeletView } from '../../model/components/kubelet.js';

export default defineRule({
  id: 'kubelet-serialize-image-pulls',
  area: 'node',
  target: 'component',
  components: ['kubelet-config'],
  defaultSeverity: 'warning',
  priority: 'P1',
  fixable: true,
  summary: 'The kubelet pulls images in parallel.',
  rationale:
    'serializeImagePulls defaults to true: one large image blocks every other pull on the node, so a rollout or a node replacement starts pods one image at a time (the guide targets < 30 s for a 1 GB pull). With overlayfs-based runtimes parallel pulls are safe; since 1.27 maxParallelImagePulls bounds them so the registry and the disk are not flooded.',
  messages: { serial: 'serializeImagePulls is {value}: image pulls on this node wait for each other.' },
  *check(subject, { kubeVersion, thresholds }) {
    const c = asComponent(subject, 'kubelet-config');
    if (!c) return;
    const v = kubeletView(c);
    if (v.serializeImagePulls === false) return;
    const path = [...c.base, 'serializeImagePulls'];
    const ops: PatchOp[] = [
      { op: v.serializeImagePulls === undefined ? ('add' as const) : ('replace' as const), path, value: false },
    ];
    if (v.maxParallelImagePulls === undefined && compareVersions(kubeVersion, parseKubeVersion('1.27')!) >= 0)
      ops.push({
        op: 'add' as const,
        path: [...c.base, 'maxParallelImagePulls'],
        value: thresholds.kubeletMaxParallelImagePulls,
      });
    yield {
      messageId: 'serial',
      path,
      data: { value: v.serializeImagePulls === undefined ? 'unset (default true)' : 'true' },
      ...(canPatch(c) ? { fix: ops } : {}),
    };
  },
});
