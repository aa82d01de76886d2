import { defineRule } from '../../engine/define-rule.js';
import { hpaTarget, hpaView } from './hpa-view.js';

const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export default defineRule({
  id: 'hpa-target-missing',
  area: 'autoscaling',
  target: 'object',
  kinds: ['HorizontalPodAutoscaler'],
  defaultSeverity: 'error',
  summary: 'An HPA scales a workload that exists and can be scaled.',
  rationale:
    "An HPA whose scaleTargetRef names no object (a renamed Deployment, a Helm release suffix) reports FailedGetScale and does nothing; one that points at a DaemonSet or a Job can never work because they have no scale subresource. Either way the service that was meant to scale under load does not. Checked when the input holds workloads in the HPA's namespace.",
  messages: {
    missing: 'scaleTargetRef {kind}/{name} does not exist in namespace {namespace}: the HPA does nothing.',
    notScalable: 'scaleTargetRef {kind}/{name} has no scale subresource: the HPA can never scale it.',
  },
  *check(resource, { snapshot }) {
    const hpa = hpaView(resource);
    const data = { kind: hpa.target.kind, name: hpa.target.name, namespace: hpa.namespace };
    const path = ['spec', 'scaleTargetRef'];
    if (hpa.target.kind === 'DaemonSet' || hpa.target.kind === 'Job' || hpa.target.kind === 'CronJob') {
      yield { messageId: 'notScalable', path, data };
      return;
    }
    if (!SCALABLE.has(hpa.target.kind) || hpaTarget(snapshot, hpa)) return;
    if (snapshot.workloads.some((w) => w.namespace === hpa.namespace)) yield { messageId: 'missing', path, data };
  },
});
