import { tryParseQuantity } from '../../core/units.js';
import { defineRule } from '../../engine/define-rule.js';
import { asComponent } from '../../model/components/types.js';
import { kubeletView } from '../../model/components/kubelet.js';

export default defineRule({
  id: 'kubelet-cpu-manager-no-reserved',
  area: 'node',
  target: 'component',
  components: ['kubelet-config'],
  defaultSeverity: 'error',
  priority: 'P0',
  summary: 'The static CPU manager policy has CPUs reserved for the system.',
  rationale:
    'With cpuManagerPolicy: static the kubelet hands whole cores to Guaranteed pods and needs a non-zero CPU reservation (reservedSystemCPUs, or cpu in kubeReserved/systemReserved) for everything else; without it the kubelet fails to start ("the static policy requires systemreserved.cpu + kubereserved.cpu to be greater than zero"). reservedSystemCPUs pins the reservation to explicit cores, which is what latency-sensitive nodes want.',
  messages: {
    noReserved:
      'cpuManagerPolicy static without reservedSystemCPUs or a CPU in kubeReserved/systemReserved; the kubelet will not start.',
  },
  *check(subject) {
    const c = asComponent(subject, 'kubelet-config');
    if (!c) return;
    const v = kubeletView(c);
    if (v.cpuManagerPolicy !== 'static') return;
    const cpu = (tryParseQuantity(v.kubeReserved['cpu']) ?? 0) + (tryParseQuantity(v.systemReserved['cpu']) ?? 0);
    if ((v.reservedSystemCPUs ?? '').trim() !== '' || cpu > 0) return;
    yield { messageId: 'noReserved', path: [...c.base, 'cpuManagerPolicy'] };
  },
});
