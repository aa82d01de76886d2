import { defineRule } from '../../engine/define-rule.js';
import { formatKubeVersion } from '../../core/version.js';
import { schedulerApiState } from '../../knowledge/scheduler.js';
import { asComponent } from '../../model/components/types.js';

export default defineRule({
  id: 'scheduler-config-api-removed',
  area: 'scheduler',
  target: 'component',
  components: ['scheduler-config'],
  defaultSeverity: 'error',
  priority: 'P0',
  summary: 'KubeSchedulerConfiguration uses an API version the target release serves.',
  rationale:
    'kube-scheduler decodes --config strictly: kubescheduler.config.k8s.io/v1beta2 was removed in 1.28 and v1beta3 in 1.29, so a scheduler started with such a file exits and no pod is scheduled. v1 exists since 1.25 and also drops plugins (SelectorSpread) and changes defaults, so migrate deliberately rather than by renaming the apiVersion.',
  messages: {
    removed:
      '{apiVersion} was removed in Kubernetes {removedIn}; kube-scheduler {version} will not start. Use kubescheduler.config.k8s.io/v1.',
    deprecated:
      '{apiVersion} is deprecated since {deprecatedIn} and removed in {removedIn}; migrate to kubescheduler.config.k8s.io/v1.',
    notYet: '{apiVersion} needs Kubernetes {since}; kube-scheduler {version} does not know it.',
  },
  *check(subject, { kubeVersion }) {
    const c = asComponent(subject, 'scheduler-config');
    if (!c) return;
    const { state, fact } = schedulerApiState(c.apiVersion, kubeVersion);
    const data = {
      apiVersion: c.apiVersion,
      version: formatKubeVersion(kubeVersion),
      removedIn: fact?.removedIn ?? '?',
      deprecatedIn: fact?.deprecatedIn ?? '?',
      since: fact?.since ?? '?',
    };
    const path = [...c.base, 'apiVersion'];
    if (state === 'removed') yield { messageId: 'removed', path, data };
    else if (state === 'deprecated') yield { messageId: 'deprecated', path, data };
    else if (state === 'not-yet') yield { messageId: 'notYet', path, data };
  },
});
