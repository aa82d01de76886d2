import { defineRule } from '../../engine/define-rule.js';
import { asComponent, canPatch } from '../../model/components/types.js';
import { kubeletView } from '../../model/components/kubelet.js';

const RESERVED = { cpu: '100m', memory: '512Mi' };

export default defineRule({
  id: 'kubelet-reserved-missing',
  area: 'node',
  target: 'component',
  components: ['kubelet-config'],
  defaultSeverity: 'warning',
  priority: 'P0',
  fixable: true,
  summary: 'The kubelet reserves CPU and memory for itself and the OS.',
  rationale:
    "Without kubeReserved/systemReserved the node's allocatable equals its capacity: the scheduler packs pods onto memory the kubelet, container runtime, systemd and sshd also need. Under pressure the kernel OOM-kills system daemons or the kubelet itself and the node goes NotReady instead of evicting a pod. The fix reserves a modest 100m CPU / 512Mi memory each; size them from the node (GKE/EKS tables grow with cores and memory).",
  messages: {
    missing:
      'KubeletConfiguration sets neither kubeReserved nor systemReserved {resources}: allocatable equals capacity.',
  },
  *check(subject) {
    const c = asComponent(subject, 'kubelet-config');
    if (!c) return;
    const v = kubeletView(c);
    const missing = (['cpu', 'memory'] as const).filter(
      (r) => v.kubeReserved[r] === undefined && v.systemReserved[r] === undefined,
    );
    if (missing.length === 0) return;
    const fix = canPatch(c)
      ? missing.flatMap((r) => [
          { op: 'add' as const, path: [...c.base, 'kubeReserved', r], value: RESERVED[r] },
          { op: 'add' as const, path: [...c.base, 'systemReserved', r], value: RESERVED[r] },
        ])
      : undefined;
    yield {
      messageId: 'missing',
      path: [...c.base, 'kubeReserved'],
      data: { resources: `(${missing.join(', ')})` },
      ...(fix ? { fix } : {}),
    };
  },
});
