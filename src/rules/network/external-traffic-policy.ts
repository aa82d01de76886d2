import { defineRule } from '../../engine/define-rule.js';
import { serviceView } from './network-helpers.js';

export default defineRule({
  id: 'external-traffic-policy',
  area: 'network',
  target: 'object',
  kinds: ['Service'],
  defaultSeverity: 'info',
  summary:
    'externalTrafficPolicy fits the Service: Local keeps the client IP and saves a hop, but needs replicas spread over nodes.',
  rationale:
    'With externalTrafficPolicy: Cluster (the default) a load balancer may send traffic to any node, which forwards it to a pod elsewhere: an extra hop and SNAT that hides the client IP. The guide prefers Local for LoadBalancer Services. Local only sends traffic to nodes that run a ready pod, so a backend with a single replica gets all traffic through one node and loses it during every rollout; give it at least two replicas spread over nodes.',
  messages: {
    clusterHop:
      'LoadBalancer Service with externalTrafficPolicy {policy}: an extra node hop and SNAT that hides the client IP; consider Local.',
    localFewReplicas:
      'externalTrafficPolicy Local but the selected {workload} runs {replicas} replica(s): one node carries all traffic and rollouts drop it.',
  },
  *check(resource, { snapshot, thresholds }) {
    const svc = serviceView(resource);
    if (svc.type !== 'LoadBalancer' && svc.type !== 'NodePort') return;
    const policy = svc.spec['externalTrafficPolicy'] ?? 'Cluster';
    if (policy === 'Cluster') {
      if (svc.type === 'LoadBalancer')
        yield { messageId: 'clusterHop', path: ['spec', 'externalTrafficPolicy'], data: { policy: String(policy) } };
      return;
    }
    if (!svc.selector) return;
    for (const w of snapshot.workloadsMatching(svc.namespace, svc.selector)) {
      if (w.replicas === undefined || w.replicas >= thresholds.replicatedMinReplicas) continue;
      yield {
        messageId: 'localFewReplicas',
        path: ['spec', 'externalTrafficPolicy'],
        data: { workload: `${w.kind} ${w.name}`, replicas: w.replicas },
      };
    }
  },
});
