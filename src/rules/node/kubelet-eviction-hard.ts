import { defineRule } from '../../engine/define-rule.js';
import { KUBELET_DEFAULTS } from '../../knowledge/kubelet-config.js';
import { asComponent, canPatch } from '../../model/components/types.js';
import { isDisabledThreshold, kubeletView } from '../../model/components/kubelet.js';

const DEFAULTS: Readonly<Record<string, string>> = KUBELET_DEFAULTS.evictionHard;

export default defineRule({
  id: 'kubelet-eviction-hard',
  area: 'node',
  target: 'component',
  components: ['kubelet-config'],
  defaultSeverity: 'error',
  priority: 'P0',
  fixable: true,
  summary: 'Hard eviction thresholds exist and are not 0%.',
  rationale:
    'Hard eviction is how a node sheds pods before the kernel OOM killer or a full disk takes the node down. A threshold of 0% (or 0) never triggers: with nodefs at 0% the kubelet only reacts when the disk is full and containers can no longer write. Setting evictionHard replaces all defaults, so a map without memory.available disables memory eviction entirely (until mergeDefaultEvictionSettings in 1.34). Defaults: memory.available 100Mi, nodefs.available 10%, nodefs.inodesFree 5%, imagefs.available 15%.',
  messages: {
    disabled: 'evictionHard {signal}: {value} never triggers; the node fills up before any pod is evicted.',
    noMemory:
      'evictionHard is set without memory.available, which disables memory eviction (defaults are replaced, not merged).',
  },
  *check(subject) {
    const c = asComponent(subject, 'kubelet-config');
    if (!c) return;
    const v = kubeletView(c);
    if (!v.evictionHard) return;
    const patchable = canPatch(c);
    for (const t of v.evictionHard) {
      if (!isDisabledThreshold(t)) continue;
      const path = [...c.base, 'evictionHard', t.signal];
      const def = DEFAULTS[t.signal];
      const fix = patchable && def ? [{ op: 'replace' as const, path, value: def }] : undefined;
      yield { messageId: 'disabled', path, data: { signal: t.signal, value: t.raw }, ...(fix ? { fix } : {}) };
    }
    if (!v.evictionHard.some((t) => t.signal === 'memory.available')) {
      const fix = patchable
        ? [
            {
              op: 'add' as const,
              path: [...c.base, 'evictionHard', 'memory.available'],
              value: DEFAULTS['memory.available'],
            },
          ]
        : undefined;
      yield { messageId: 'noMemory', path: [...c.base, 'evictionHard'], ...(fix ? { fix } : {}) };
    }
  },
});
