import { defineRule } from '../../engine/define-rule.js';
import { asString } from '../../model/object.js';
import { serviceView } from './network-helpers.js';

export default defineRule({
  id: 'statefulset-headless-service',
  area: 'network',
  target: 'workload',
  defaultSeverity: 'warning',
  summary: "A StatefulSet's serviceName names a headless Service that exists.",
  rationale:
    'StatefulSet pods get their stable DNS names (pod-0.<serviceName>.<namespace>.svc) from the governing Service named in spec.serviceName, and only when that Service is headless (clusterIP: None). With a normal ClusterIP Service the per-pod records are never created, and peers that find each other by name (databases, Kafka, ZooKeeper, etcd) cannot form a cluster. When the input has Services in the namespace but none of that name, the Service is probably missing.',
  messages: {
    notHeadless:
      'serviceName {service} is a {type} Service with a cluster IP: pods get no per-pod DNS records; set clusterIP: None.',
    missing: 'serviceName {service} does not exist in namespace {namespace}: pods get no stable DNS names.',
  },
  *check(workload, { snapshot }) {
    if (workload.kind !== 'StatefulSet') return;
    const name = asString((workload.object['spec'] as Record<string, unknown> | undefined)?.['serviceName']);
    if (!name) return;
    const svc = snapshot.get('Service', workload.namespace, name);
    const path = ['spec', 'serviceName'];
    if (!svc) {
      if (snapshot.inNamespace(workload.namespace, 'Service').length > 0)
        yield { messageId: 'missing', path, data: { service: name, namespace: workload.namespace } };
      return;
    }
    const view = serviceView(svc);
    if (!view.headless) yield { messageId: 'notHeadless', path, data: { service: name, type: view.type } };
  },
});
