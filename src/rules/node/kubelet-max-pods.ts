import { defineRule } from '../../engine/define-rule.js';
import { SCALABILITY_LIMITS } from '../../knowledge/capacity.js';
import { KUBELET_DEFAULTS } from '../../knowledge/kubelet-config.js';
import { controllerManagerDefaultsFor } from '../../knowledge/thresholds/component-defaults.js';
import { controllerManagerFlags } from '../../model/components/flag-views.js';
import { asComponent, isFlagsConfig } from '../../model/components/types.js';
import { kubeletView, podCapacityOfPrefix } from '../../model/components/kubelet.js';

export default defineRule({
  id: 'kubelet-max-pods',
  area: 'node',
  target: 'component',
  components: ['kubelet-config'],
  defaultSeverity: 'warning',
  priority: 'P1',
  summary: "maxPods fits the node's pod CIDR and the tested limits.",
  rationale:
    'Each pod needs an IP from the node\'s pod CIDR (kube-controller-manager --node-cidr-mask-size, /24 by default: 254 addresses). A maxPods above that lets the scheduler place pods that then hang in ContainerCreating with "no IP addresses available". Above 110 pods per node Kubernetes is outside its tested envelope: PLEG relists, kubelet status updates and runtime calls slow down (podsPerCore can cap it per core).',
  messages: {
    beyondCidr: 'maxPods {maxPods} exceeds the {capacity} pod IPs of a /{mask} node CIDR.',
    beyondTested: 'maxPods {maxPods} is above the {tested} pods per node Kubernetes is tested for.',
  },
  *check(subject, { kubeVersion, snapshot }) {
    const c = asComponent(subject, 'kubelet-config');
    if (!c) return;
    const maxPods = kubeletView(c).maxPods ?? KUBELET_DEFAULTS.maxPods;
    const path = [...c.base, 'maxPods'];
    const cm = snapshot.components.filter(isFlagsConfig).find((x) => x.component === 'kube-controller-manager');
    const maskFlag = cm && controllerManagerFlags(cm).nodeCidrMaskSize;
    const mask = maskFlag ? maskFlag.value : controllerManagerDefaultsFor(kubeVersion).nodeCidrMaskSizeIpv4;
    const capacity = mask === undefined ? Infinity : podCapacityOfPrefix(mask);
    if (mask !== undefined && maxPods > capacity)
      yield { messageId: 'beyondCidr', path, data: { maxPods, capacity, mask } };
    else if (maxPods > SCALABILITY_LIMITS.podsPerNode)
      yield { messageId: 'beyondTested', path, data: { maxPods, tested: SCALABILITY_LIMITS.podsPerNode } };
  },
});
