import { humanBytes } from '../../core/units.js';
import { defineRule } from '../../engine/define-rule.js';
import { asComponent } from '../../model/components/types.js';
import { kubeletView } from '../../model/components/kubelet.js';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

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
  *check(subject) {
    const c = asComponent(subject, 'kubelet-config');
    if (!c) return;
    const v = kubeletView(c);
    const files = v.containerLogMaxFiles ?? 5;
    if (v.containerLogMaxFiles !== undefined && files < 2)
      yield { messageId: 'tooFewFiles', path: [...c.base, 'containerLogMaxFiles'], data: { files } };
    const size = v.containerLogMaxSize;
    if (size === undefined) return;
    const path = [...c.base, 'containerLogMaxSize'];
    if (size >= GiB) yield { messageId: 'tooLarge', path, data: { size: humanBytes(size), files } };
    else if (size < MiB) yield { messageId: 'tooSmall', path, data: { size: humanBytes(size) } };
  },
});
