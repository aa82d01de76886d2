import { defineRule } from '../../engine/define-rule.js';
import { formatKubeVersion } from '../../core/version.js';
import { flagStatus, isComponentName } from '../../knowledge/flags.js';
import { isFlagsConfig } from '../../model/components/types.js';

export default defineRule({
  id: 'component-flag-invalid',
  area: 'control-plane',
  target: 'component',
  defaultSeverity: 'error',
  priority: 'P0',
  summary: 'Component flags exist in the target Kubernetes release.',
  rationale:
    'kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kube-proxy and etcd exit at start-up on an unknown flag ("Error: unknown flag"). Flags copied from old guides (--pod-eviction-timeout, --scheduler-name, --container-runtime, klog flags such as --logtostderr) stop the component after an upgrade. kubetune checks every flag of static pods, kubeadm extraArgs, systemd units and flag files against the catalogue of the release given with --kube-version.',
  messages: {
    removed:
      '{component}: --{flag} was removed in Kubernetes {removedIn}; the component will not start on {version}. Use {replacement}.',
    notYet: '{component}: --{flag} only exists from Kubernetes {since}; {version} will not start with it.',
    unknown: '{component}: --{flag} is not a flag of {component} in Kubernetes {version}.',
  },
  *check(component, { kubeVersion }) {
    if (!isFlagsConfig(component) || !isComponentName(component.component)) return;
    const version = formatKubeVersion(kubeVersion);
    for (const f of component.flags) {
      const s = flagStatus(component.component, f.name, kubeVersion);
      const data = { component: component.component, flag: f.name, version };
      if (s.state === 'removed')
        yield {
          messageId: 'removed',
          path: f.path,
          data: { ...data, removedIn: s.change?.removedIn ?? '?', replacement: s.change?.replacement ?? 'nothing' },
        };
      else if (s.state === 'not-yet')
        yield { messageId: 'notYet', path: f.path, data: { ...data, since: s.change?.since ?? '?' } };
      else if (s.state === 'unknown' && s.acceptedBy.length === 0) yield { messageId: 'unknown', path: f.path, data };
    }
  },
});
