import { KUBELET_DEFAULTS } from '../../knowledge/kubelet-config.js';
import { FIXED_DEFAULTS } from '../../knowledge/thresholds/component-defaults.js';
import { humanBytes } from '../../core/units.js';
import { defineRule } from '../../engine/define-rule.js';
import { asComponent } from '../../model/components/types.js';
import { kubeletView } from '../../model/components/kubelet.js';

export default defineRule({
  id: 'kubelet-container-log-rotation',
  area: 'node',
  target: 'component',
  components: ['kubelet-config'],
  defaultSeverity: 'warning',
  priority: 'P1',
  summary: 'Container log rotation keeps logs bounded and readable.',
  rationale:
    "The kubelet rotates each container's log at containerLogMaxSize and keeps containerLogMaxFiles files (defaults 10Mi x 5). containerLogMaxFiles below 2 is rejected at start-up. Very large files make `kubectl logs` and log shippers re-read gigabytes and, multiplied by maxPods, fill nodefs; very small ones rotate faster than shippers read and lose lines.",
  messages: {
    tooFewFiles: 'containerLogMaxFiles {files} is below 2; the kubelet refuses to start.',
    tooLarge: 'containerLogMaxSize {size} per file x {files} files per container can fill the node disk.',
    tooSmall: 'containerLogMaxSize {size} rotates so often that log shippers lose lines.',
  },
  *check(subject, { thresholds }) {
    const c = asComponent(subject, 'kubelet-config');
    if (!c) return;
    const v = kubeletView(c);
    const files = v.containerLogMaxFiles ?? KUBELET_DEFAULTS.containerLogMaxFiles;
    if (v.containerLogMaxFiles !== undefined && files < FIXED_DEFAULTS.kubeletContainerLogMaxFilesMin)
      yield { messageId: 'tooFewFiles', path: [...c.base, 'containerLogMaxFiles'], data: { files } };
    const size = v.containerLogMaxSize;
    if (size === undefined) return;
    const path = [...c.base, 'containerLogMaxSize'];
    const bounds = thresholds.kubeletContainerLogMaxSizeBytes;
    if (size >= bounds.max) yield { messageId: 'tooLarge', path, data: { size: humanBytes(size), files } };
    else if (size < bounds.min) yield { messageId: 'tooSmall', path, data: { size: humanBytes(size) } };
  },
});
